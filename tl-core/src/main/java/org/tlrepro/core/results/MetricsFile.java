package org.tlrepro.core.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Json;

/**
 * {@code metrics.json}: one flat JSON object, metric name to number, in the order of
 * {@link Metrics#of}; a metric without a value is {@code null}. Flat and numeric so that
 * {@code dvc metrics show/diff} and {@code jq} read it as it is.
 */
public final class MetricsFile {

    public static final String NAME = "metrics.json";

    private MetricsFile() {
    }

    public static void write(Path file, Map<String, Double> metrics) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                root.putNull(name);
            } else {
                root.put(name, value);
            }
        });
        Json.write(file, root);
    }

    /** The metrics of {@code file}; {@code null} entries read as NaN. */
    public static Map<String, Double> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TlException("there is no metrics file " + file);
        }
        JsonNode root = Json.readTree(file, "write it with tl:report");
        if (root == null || !root.isObject()) {
            throw new TlException(file + " is not a JSON object of metrics: write it with tl:report");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull() && !e.getValue().isNumber()) {
                throw new TlException(file + ": metric '" + e.getKey() + "' is not a number or null");
            }
            out.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().doubleValue());
        }
        return out;
    }
}
