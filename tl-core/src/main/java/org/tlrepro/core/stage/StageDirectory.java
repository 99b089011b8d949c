package org.tlrepro.core.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.io.Json;

/**
 * The output folder of a stage: built in a staging folder and renamed into place whole, with the fingerprint
 * it was computed from and the SHA-256 of its main files. A stage is up to date when the fingerprint is
 * unchanged and those files are intact; otherwise {@link #staleReason} says why it must run.
 */
public record StageDirectory(Path dir) {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final String FINGERPRINT = "fingerprint.json";
    private static final String OUTPUTS = "outputs.json";

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
        Map<String, String> outputs;
        try {
            outputs = JSON.readValue(dir.resolve(OUTPUTS).toFile(), new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            return Optional.of(dir.resolve(OUTPUTS) + " cannot be read");
        }
        for (Map.Entry<String, String> e : outputs.entrySet()) {
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
        try {
            Files.write(staging.resolve(OUTPUTS), JSON.writeValueAsBytes(outputs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the fingerprint goes last: a staging folder without one is never taken for a result
        fingerprint.write(staging.resolve(FINGERPRINT));
        AtomicFiles.replaceDirectory(staging, dir);
    }
}
