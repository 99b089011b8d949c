package org.tlrepro.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finished runs shared by every build and clone of one user, content-addressed by the run fingerprint (the hash of
 * everything that determines a run: data, subsets, protocol, seed, training code), like DVC's run cache:
 * {@code <tl.cache>/runs/<first two hex digits>/<fingerprint>.json}. It lives outside {@code target/}, so
 * {@code mvn clean} and a second clone reuse every run; {@code target/tl/runs} stays the build's view. Records are
 * renamed into place whole, so builds writing at once leave one complete record (two builds write the same run
 * alike: runs are deterministic).
 */
public final class RunCache {

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

    /**
     * The run with this fingerprint; a record that cannot be read, fails its checksum, contradicts itself or is of
     * another run counts as missing, with a warning naming the file.
     */
    public Optional<RunResult> find(String fingerprint) {
        return RunRecord.read(file(fingerprint), fingerprint, "the run cache's copy is not used", false);
    }

    public void store(RunResult result) {
        try {
            RunRecord.write(file(result.fingerprint()), result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
