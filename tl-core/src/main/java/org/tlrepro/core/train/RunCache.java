package org.tlrepro.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Json;

/**
 * Finished runs shared by every build and clone of one user, content-addressed by the run fingerprint (the hash of
 * everything that determines a run: data, subsets, protocol, seed, training code), like DVC's run cache:
 * {@code <tl.cache>/runs/<first two hex digits>/<fingerprint>.json}. It lives outside {@code target/}, so
 * {@code mvn clean} and a second clone reuse every run; {@code target/tl/runs} stays the build's view. Records are
 * renamed into place whole, so builds writing at once leave one complete record (two builds write the same run
 * alike: runs are deterministic).
 */
public final class RunCache {

    private static final ObjectMapper JSON = Json.MAPPER;

    private final Path dir;

    public RunCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    Path file(String fingerprint) {
        return dir.resolve(fingerprint.substring(0, 2)).resolve(fingerprint + ".json");
    }

    /** The run with this fingerprint; a record that cannot be read, or is of another run, counts as missing. */
    public Optional<RunResult> find(String fingerprint) {
        Path f = file(fingerprint);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            RunResult r = JSON.readValue(f.toFile(), RunResult.class);
            return fingerprint.equals(r.fingerprint()) ? Optional.of(r) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void store(RunResult result) {
        try {
            AtomicFiles.write(file(result.fingerprint()), JSON.writeValueAsBytes(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
