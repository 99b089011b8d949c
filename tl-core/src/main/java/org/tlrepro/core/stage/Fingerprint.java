package org.tlrepro.core.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.tlrepro.core.io.Json;

/**
 * Everything that determines a stage's output, as named values (hashes of inputs, parameters, versions).
 * A stage whose stored fingerprint equals the current one is up to date; otherwise {@link #changesFrom} says why.
 */
public record Fingerprint(Map<String, String> values) {

    public Fingerprint {
        values = Map.copyOf(values);
    }

    /** As stored: the values alone, sorted by name. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Fingerprint of(Map<String, String> values) {
        return new Fingerprint(values);
    }

    @JsonValue
    Map<String, String> sorted() {
        return new TreeMap<>(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Human-readable differences from an earlier fingerprint, empty when they are equal. */
    public List<String> changesFrom(Fingerprint earlier) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(values.keySet());
        keys.addAll(earlier.values.keySet());
        for (String key : keys) {
            String before = earlier.values.get(key);
            String now = values.get(key);
            if (before == null) {
                changes.add(key + " is new (" + now + ")");
            } else if (now == null) {
                changes.add(key + " is gone (was " + before + ")");
            } else if (!before.equals(now)) {
                changes.add(key + ": " + abbreviate(before) + " -> " + abbreviate(now));
            }
        }
        return changes;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 12) + "..." : value;
    }

    public void write(Path file) {
        Json.write(file, this);
    }

    /** The fingerprint stored at {@code file}, or empty if there is none or it cannot be read. */
    public static Optional<Fingerprint> read(Path file) {
        return Json.readIfSound(file, Fingerprint.class);
    }

    /** Collects values in insertion order. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        public Builder put(String key, Object value) {
            values.put(key, String.valueOf(value));
            return this;
        }

        public Fingerprint build() {
            return new Fingerprint(values);
        }
    }
}
