package org.tlrepro.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tlrepro.core.io.Json;

/**
 * What determines every run's result besides its experiment, scheme, run and seed, as named parts (tl's version, the
 * data, the pixels, the subsets, the protocol, the record format, the optimiser, the training code, the trainer).
 * Its text enters every run's fingerprint; kept beside the ledger, it lets the next build say which part changed when
 * runs are trained again, as DVC names the dependency that changed.
 *
 * @param parts the parts in a fixed order, by name
 */
public record RunKey(Map<String, String> parts) {

    /** The file beside the ledger that holds the last build's key. */
    static final String FILE = "run-key.json";

    public RunKey {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The parts as one string, "name value|name value|...", the form the fingerprints hash. */
    public String text() {
        return parts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("|"));
    }

    /** The names of the parts that differ from {@code before} (added and removed parts included), in order. */
    public List<String> changedFrom(RunKey before) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : parts.entrySet()) {
            if (!e.getValue().equals(before.parts().get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        before.parts().keySet().stream().filter(k -> !parts.containsKey(k)).forEach(changed::add);
        return changed;
    }

    /** The key the last build in {@code runsDir} wrote, if any can be read. */
    static Optional<RunKey> last(Path runsDir) {
        return Json.readIfSound(runsDir.resolve(FILE), RunKey.class);
    }

    void write(Path runsDir) {
        Json.write(runsDir.resolve(FILE), this);
    }

    /**
     * Makes this the key kept in {@code runsDir} (the file is written only when it changes, so that a build that
     * trains nothing leaves the ledger untouched).
     *
     * @return the names of the parts that changed since the key kept there; empty when it is the same or there was none
     */
    List<String> replaceIn(Path runsDir) {
        Optional<RunKey> before = last(runsDir);
        if (before.isPresent() && before.get().equals(this)) {
            return List.of();
        }
        write(runsDir);
        return before.map(this::changedFrom).orElse(List.of());
    }
}
