package org.tlrepro.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.io.SealedJson;

/**
 * One run record on disk (in the ledger or the run cache): sealed with the checksum of its content and checked
 * against itself on every read, so that a record edited or damaged after it was written is never reused silently.
 */
final class RunRecord {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecord.class);

    /** Suffix of a rejected record, kept beside it for inspection and never read again. */
    static final String REJECTED = ".rejected";

    private RunRecord() {
    }

    /**
     * @throws IllegalStateException if the record contradicts itself: a bug in the trainer, which must not be
     *                               written only to be rejected and trained again on every build
     */
    static void write(Path file, RunResult result) throws IOException {
        String problem = result.inconsistency();
        if (problem != null) {
            throw new IllegalStateException("the run record " + result.experiment() + " scheme " + result.scheme()
                    + " run " + result.run() + " " + problem);
        }
        SealedJson.write(file, result);
    }

    /**
     * The sound record in {@code file}, or empty: when it is missing (silently), or unusable (with a warning naming
     * the file, the problem and {@code consequence}; the file is renamed with {@value #REJECTED} when
     * {@code setAside}, so that the rest of the build does not trip over it again).
     *
     * @param fingerprint the run's fingerprint, or null for any
     */
    static Optional<RunResult> read(Path file, String fingerprint, String consequence, boolean setAside) {
        SealedJson.Read<RunResult> read = SealedJson.read(file, RunResult.class);
        if (read.ok()) {
            RunResult r = read.value();
            if (fingerprint != null && !fingerprint.equals(r.fingerprint())) {
                // a record of another run whose file name shares the fingerprint's prefix: not this run, not damage
                return Optional.empty();
            }
            String problem = r.inconsistency();
            if (problem == null) {
                return Optional.of(r);
            }
            reject(file, problem, consequence, setAside);
        } else if (read.problem() != null) {
            reject(file, read.problem(), consequence, setAside);
        }
        return Optional.empty();
    }

    private static void reject(Path file, String problem, String consequence, boolean setAside) {
        String kept = "";
        if (setAside) {
            Path aside = file.resolveSibling(file.getFileName() + REJECTED);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                kept = "; it is kept as " + aside.getFileName();
            } catch (IOException e) {
                kept = "; it could not be set aside (" + e.getMessage() + ")";
            }
        }
        LOG.warn("The run record {} {}: {}{}", file, problem, consequence, kept);
    }
}
