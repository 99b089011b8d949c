package org.tlrepro.core.embed.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;

/**
 * Pairs the layers of a network tl built with the layers of a weights file, by name. Layers Keras Applications
 * leaves unnamed ({@code conv2d_7}, {@code batch_normalization_7}) are numbered by the session that saved the file:
 * Keras 2.2.4 counts from {@code _1}, TensorFlow 2 from no suffix; where the exact names do not match, such layers
 * are paired by their order among the layers of their kind, which is the order Keras created them in.
 */
final class LayerMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(LayerMatcher.class);
    private static final Pattern AUTO_NAME = Pattern.compile("(conv2d|batch_normalization|dense)(?:_(\\d+))?");

    private LayerMatcher() {
    }

    /**
     * @param modelLayers the network's layers with weights, in creation order
     * @return for each of them, the file's layer that holds its weights
     * @throws TlException naming the file and the layers it lacks
     */
    static Map<String, KerasWeights.Layer> match(List<String> modelLayers, KerasWeights file, Path path) {
        Map<String, KerasWeights.Layer> byName = new LinkedHashMap<>();
        file.layers().forEach(l -> byName.put(l.name(), l));
        Map<String, KerasWeights.Layer> out = new LinkedHashMap<>();
        if (byName.keySet().containsAll(modelLayers)) {
            modelLayers.forEach(n -> out.put(n, byName.get(n)));
        } else {
            Map<String, List<String>> modelAuto = autoNamed(modelLayers);
            Map<String, List<String>> fileAuto = autoNamed(List.copyOf(byName.keySet()));
            List<String> missing = new ArrayList<>();
            for (String n : modelLayers) {
                Matcher m = AUTO_NAME.matcher(n);
                if (!m.matches()) {
                    if (byName.containsKey(n)) {
                        out.put(n, byName.get(n));
                    } else {
                        missing.add(n);
                    }
                    continue;
                }
                List<String> ours = modelAuto.get(m.group(1));
                List<String> theirs = fileAuto.getOrDefault(m.group(1), List.of());
                if (ours.size() != theirs.size()) {
                    missing.add(n);
                    continue;
                }
                out.put(n, byName.get(theirs.get(ours.indexOf(n))));
            }
            if (!missing.isEmpty()) {
                throw new TlException(path + " does not hold the weights of this network: " + missing.size()
                        + " of its " + modelLayers.size() + " layers with weights have no match in the file, e.g. "
                        + missing.subList(0, Math.min(5, missing.size())) + "; the file's layers include "
                        + List.copyOf(byName.keySet()).subList(0, Math.min(5, byName.size())) + ". Check "
                        + "tl.architecture, or use the weights file Keras Applications publishes for it");
            }
            LOG.info("Matched the unnamed layers of {} by their order among layers of their kind ({})",
                    path.getFileName(), modelAuto.entrySet().stream()
                            .map(e -> e.getValue().size() + " " + e.getKey()).toList());
        }
        int extra = byName.size() - out.size();
        if (extra > 0) {
            List<String> unused = byName.keySet().stream().filter(n -> !out.containsValue(byName.get(n))).toList();
            LOG.info("{} holds {} layer(s) with weights that the network up to its features does not use: {}",
                    path.getFileName(), extra, unused.subList(0, Math.min(5, unused.size())));
        }
        return out;
    }

    /** Keras's automatic names by kind, each list in numbering order (no suffix first). */
    private static Map<String, List<String>> autoNamed(List<String> names) {
        Map<String, TreeMap<Integer, String>> byKind = new LinkedHashMap<>();
        for (String n : names) {
            Matcher m = AUTO_NAME.matcher(n);
            if (m.matches()) {
                int number = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                byKind.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(number, n);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byKind.forEach((k, v) -> out.put(k, new ArrayList<>(v.values())));
        return out;
    }
}
