package org.tlrepro.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Json;

/**
 * Finished runs, one JSON file each under {@code runs/<experiment>/}, named by scheme, run and fingerprint, and
 * written atomically: a killed build keeps every finished run and loses only the one it was in. The Scheme-2
 * model of a run is kept too, so that Scheme 4 can resume from it. With a {@link RunCache}, every run recorded goes
 * there too, and a run missing here is taken from there (and copied here: this folder is the build's view).
 */
public final class RunLedger {

    private static final ObjectMapper JSON = Json.MAPPER;

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
        Optional<RunResult> here = read(file(experiment, scheme, run, fingerprint, ".json"), fingerprint);
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

    private static Optional<RunResult> read(Path f, String fingerprint) {
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            RunResult r = JSON.readValue(f.toFile(), RunResult.class);
            return r.fingerprint().equals(fingerprint) ? Optional.of(r) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
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
            AtomicFiles.write(file(result.experiment(), result.scheme(), result.run(), result.fingerprint(), ".json"),
                    JSON.writeValueAsBytes(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<MultiLayerNetwork> findModel(String experiment, int run, String fingerprint) {
        Path f = file(experiment, 2, run, fingerprint, ".model.zip");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelSerializer.restoreMultiLayerNetwork(f.toFile(), true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void recordModel(String experiment, int run, String fingerprint, MultiLayerNetwork model) {
        Path target = file(experiment, 2, run, fingerprint, ".model.zip");
        Path tmp = AtomicFiles.temporarySibling(target, ".tmp");
        try {
            Files.createDirectories(target.getParent());
            ModelSerializer.writeModel(model, tmp.toFile(), true);
            AtomicFiles.move(tmp, target);
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

    /** Every run stored, of any experiment and fingerprint; an unreadable record counts as missing, as in find. */
    public List<RunResult> all() {
        List<RunResult> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(JSON.readValue(f.toFile(), RunResult.class));
                } catch (IOException corrupt) {
                    // skipped: TrainStage trains that run again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run ledger " + dir, e);
        }
        return out;
    }
}
