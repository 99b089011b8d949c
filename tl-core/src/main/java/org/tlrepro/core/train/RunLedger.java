package org.tlrepro.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Sha256;

/**
 * Finished runs, one JSON file each under {@code runs/<experiment>/}, named by scheme, run and fingerprint, and
 * written atomically: a killed build keeps every finished run and loses only the one it was in. The Scheme-2
 * model of a run is kept too, so that Scheme 4 can resume from it. With a {@link RunCache}, every run recorded goes
 * there too, and a run missing here is taken from there (and copied here: this folder is the build's view).
 */
public final class RunLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);
    private static final String MODEL = ".model.zip";
    private static final Pattern RECORD_NAME = Pattern.compile("scheme\\d-run\\d{2,}-[0-9a-f]{16}\\.json");

    private final Path dir;
    private final RunCache cache;
    private final AtomicInteger restored = new AtomicInteger();

    /** A ledger of its own, as a worker that only reads it sees it. */
    public RunLedger(Path dir) {
        this(dir, null);
    }

    /** @param cache the shared run cache, or null */
    public RunLedger(Path dir, RunCache cache) {
        this.dir = dir;
        this.cache = cache;
    }

    /** The run cache's folder, or null. */
    public Path cacheDir() {
        return cache == null ? null : cache.dir();
    }

    /** How many runs {@link #find} took from the run cache. */
    public int restored() {
        return restored.get();
    }

    public Path dir() {
        return dir;
    }

    private Path file(String experiment, int scheme, int run, String fingerprint, String suffix) {
        return dir.resolve(experiment).resolve(String.format("scheme%d-run%02d-%s%s", scheme, run,
                fingerprint.substring(0, 16), suffix));
    }

    public Optional<RunResult> find(String experiment, int scheme, int run, String fingerprint) {
        Optional<RunResult> here = RunRecord.read(file(experiment, scheme, run, fingerprint, ".json"), fingerprint,
                cache == null ? "the run is trained again" : "the run is taken from the run cache or trained again",
                true);
        if (here.isPresent() || cache == null) {
            return here;
        }
        Optional<RunResult> cached = cache.find(fingerprint)
                .filter(r -> r.experiment().equals(experiment) && r.scheme() == scheme && r.run() == run);
        cached.ifPresent(r -> {
            write(r);
            restored.incrementAndGet();
        });
        return cached;
    }

    /** Records a finished run here and in the run cache. */
    public void record(RunResult result) {
        write(result);
        if (cache != null) {
            cache.store(result);
        }
    }

    private void write(RunResult result) {
        try {
            RunRecord.write(file(result.experiment(), result.scheme(), result.run(), result.fingerprint(), ".json"),
                    result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Scheme-2 model of a run, or empty when it is missing or unusable: one whose bytes do not match the checksum
     * written beside it, or that cannot be read, is named in a warning and trained again.
     */
    public Optional<MultiLayerNetwork> findModel(String experiment, int run, String fingerprint) {
        Path f = file(experiment, 2, run, fingerprint, MODEL);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Path sum = checksumOf(f);
        String problem;
        try {
            String expected = Files.isRegularFile(sum) ? Files.readString(sum, StandardCharsets.US_ASCII).trim() : null;
            if (expected == null) {
                problem = "has no checksum beside it (" + sum.getFileName() + "; the build that wrote it was stopped)";
            } else if (!expected.equals(Sha256.ofFile(f))) {
                problem = "does not match its checksum " + sum.getFileName() + " (edited or damaged)";
            } else {
                return Optional.of(ModelSerializer.restoreMultiLayerNetwork(f.toFile(), true));
            }
        } catch (IOException | RuntimeException e) {
            problem = "cannot be read (" + e.getMessage() + ")";
        }
        LOG.warn("The Scheme 2 model {} {}: Scheme 2 of {} run {} is trained again for Scheme 4", f, problem,
                experiment, run);
        return Optional.empty();
    }

    public void recordModel(String experiment, int run, String fingerprint, MultiLayerNetwork model) {
        Path target = file(experiment, 2, run, fingerprint, MODEL);
        Path tmp = AtomicFiles.temporarySibling(target, ".tmp");
        try {
            Files.createDirectories(target.getParent());
            ModelSerializer.writeModel(model, tmp.toFile(), true);
            String sha256 = Sha256.ofFile(tmp);
            AtomicFiles.move(tmp, target);
            AtomicFiles.write(checksumOf(target), (sha256 + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray temporary file is never read
            }
        }
    }

    private static Path checksumOf(Path model) {
        return model.resolveSibling(model.getFileName() + ".sha256");
    }

    /** Every sound run record stored, of any experiment and fingerprint; the others are skipped, as in find. */
    public List<RunResult> all() {
        List<RunResult> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            // run records only: train.json and run-key.json sit beside the experiments' folders
            for (Path f : files.filter(p -> RECORD_NAME.matcher(p.getFileName().toString()).matches()).sorted()
                    .toList()) {
                RunRecord.read(f, null, "it is left out", false).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run ledger " + dir, e);
        }
        return out;
    }
}
