package org.tlrepro.core.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.io.Sha256;

/**
 * The output folder of a stage: built in a staging folder and renamed into place whole, with the fingerprint
 * it was computed from and the SHA-256 of its main files. A stage is up to date when the fingerprint is
 * unchanged and those files are intact; otherwise {@link #staleReason} says why it must run.
 */
public record StageDirectory(Path dir) {

    public static final String FINGERPRINT = "fingerprint.json";
    public static final String OUTPUTS = "outputs.json";

    /** {@code outputs.json}: each checked file's SHA-256 by its name relative to the folder. */
    private record Hashes(Map<String, String> byFile) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        Hashes {
            byFile = new TreeMap<>(byFile);
        }

        @JsonValue
        public Map<String, String> byFile() {
            return byFile;
        }
    }

    /**
     * The fingerprint and output hashes of the finished output, or empty before the stage first finished.
     *
     * @param fix what to do when they cannot be read, e.g. "run the build again with -Dtl.force=true"
     */
    public Optional<StageRecord> record(String fix) {
        return Json.readIfPresent(dir.resolve(FINGERPRINT), Fingerprint.class, fix).map(f -> new StageRecord(f,
                Json.read(dir.resolve(OUTPUTS), Hashes.class, fix).byFile()));
    }

    /** Why the stage must run, or empty if its output is up to date. */
    public Optional<String> staleReason(Fingerprint current, boolean force) {
        Optional<Fingerprint> stored = Fingerprint.read(dir.resolve(FINGERPRINT));
        if (stored.isEmpty()) {
            return Optional.of("there is no earlier output in " + dir);
        }
        if (force) {
            return Optional.of("tl.force is set");
        }
        List<String> changes = current.changesFrom(stored.get());
        if (!changes.isEmpty()) {
            return Optional.of(String.join("; ", changes));
        }
        Optional<Hashes> outputs = Json.readIfSound(dir.resolve(OUTPUTS), Hashes.class);
        if (outputs.isEmpty()) {
            return Optional.of(dir.resolve(OUTPUTS) + " cannot be read");
        }
        for (Map.Entry<String, String> e : outputs.get().byFile().entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file) || !Sha256.ofFile(file).equals(e.getValue())) {
                return Optional.of(file + " is missing or was changed");
            }
        }
        return Optional.empty();
    }

    /** A fresh staging folder beside this one. */
    public Path stage() {
        return AtomicFiles.stagingDirectory(dir);
    }

    /**
     * Records the fingerprint and the hashes of {@code checked} (paths relative to the staging folder), then
     * makes the staging folder this one.
     */
    public void commit(Path staging, Fingerprint fingerprint, List<String> checked) {
        Map<String, String> outputs = new TreeMap<>();
        for (String name : checked) {
            outputs.put(name, Sha256.ofFile(staging.resolve(name)));
        }
        Json.write(staging.resolve(OUTPUTS), new Hashes(outputs));
        // the fingerprint goes last: a staging folder without one is never taken for a result
        fingerprint.write(staging.resolve(FINGERPRINT));
        AtomicFiles.replaceDirectory(staging, dir);
    }
}
