package org.tlrepro.core.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.ClusterOutput;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainSetup;

/**
 * A committed earlier result to compare with: a folder holding {@code metrics.json} and the run records behind it,
 * {@code runs/<experiment>/scheme<k>-run<nn>.json}, each a ledger record as {@code tl:train} wrote it. The records
 * give the statistical tests their per-run values; the metrics give the diff table. With the clustering beside
 * them ({@code cluster.json}, as {@code tl:cluster} wrote it) the folder is a published result that
 * {@code tl:report} can render without training ({@link ResultsLoader#loadPublished}); {@code setup.json} (the
 * protocol and network) gives that report its Table 1 and configuration.
 *
 * @param dir     the folder
 * @param metrics every metric of the baseline build
 * @param runs    its run records
 * @param setup   how the runs were trained, or {@code null} for a folder without {@code setup.json}
 */
public record Baseline(Path dir, Map<String, Double> metrics, List<RunResult> runs, TrainSetup setup) {

    public static final String RUNS = "runs";
    public static final String SETUP = "setup.json";
    /** The provenance record of the build whose runs these are, copied in from its report. */
    public static final String PROVENANCE = "provenance.json";
    private static final String REFRESH = "refresh the baseline with -Dtl.baseline.update=true";

    /** The per-run values of the baseline's runs, see {@link Samples}. */
    public Map<String, double[]> samples() {
        return Samples.of(runs);
    }

    public static Baseline read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TlException("the baseline folder " + dir + " (tl.baseline) does not exist: create it from a "
                    + "passing build with -Dtl.baseline.update=true, or leave tl.baseline unset");
        }
        Map<String, Double> metrics = MetricsFile.read(dir.resolve(MetricsFile.NAME));
        List<RunResult> runs = new ArrayList<>();
        Path runDir = dir.resolve(RUNS);
        if (Files.isDirectory(runDir)) {
            try (Stream<Path> files = Files.walk(runDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    runs.add(Json.read(f, RunResult.class, REFRESH));
                }
            } catch (IOException e) {
                throw new TlException("the baseline's run records under " + runDir + " cannot be listed ("
                        + e.getMessage() + "): " + REFRESH, e);
            }
        }
        TrainSetup setup = Json.readIfPresent(dir.resolve(SETUP), TrainSetup.class, REFRESH).orElse(null);
        return new Baseline(dir, metrics, List.copyOf(runs), setup);
    }

    /** Replaces the folder {@code dir} whole: a killed build leaves the old baseline or the new one. */
    public static Baseline write(Path dir, Map<String, Double> metrics, List<RunResult> runs) {
        return write(dir, metrics, runs, null, null);
    }

    /**
     * As {@link #write(Path, Map, List)}, with the clustering the runs were trained on, so that the folder can be
     * rendered as a published result.
     *
     * @param clustering the clustering, or {@code null} for a baseline of metrics and runs only
     * @param setup      how the runs were trained, or {@code null}
     */
    public static Baseline write(Path dir, Map<String, Double> metrics, List<RunResult> runs,
                                 ClusterResult clustering, TrainSetup setup) {
        return write(dir, metrics, runs, clustering, setup, null);
    }

    /**
     * As {@link #write(Path, Map, List, ClusterResult, TrainSetup)}, with the build's provenance record (commit,
     * date, machine, software, every setting) copied in as {@code provenance.json}.
     *
     * @param provenance the report's {@code provenance.json}, or {@code null}
     */
    public static Baseline write(Path dir, Map<String, Double> metrics, List<RunResult> runs,
                                 ClusterResult clustering, TrainSetup setup, Path provenance) {
        Path staging = AtomicFiles.stagingDirectory(dir);
        try {
            if (provenance != null && Files.isRegularFile(provenance)) {
                Files.copy(provenance, staging.resolve(PROVENANCE));
            }
            MetricsFile.write(staging.resolve(MetricsFile.NAME), metrics);
            if (clustering != null) {
                new ClusterOutput(staging).writeResult(clustering);
            }
            if (setup != null) {
                Json.write(staging.resolve(SETUP), setup);
            }
            for (RunResult r : runs.stream().sorted(Comparator.comparing(RunResult::experiment)
                    .thenComparingInt(RunResult::scheme).thenComparingInt(RunResult::run)).toList()) {
                Path f = staging.resolve(RUNS).resolve(r.experiment())
                        .resolve(String.format("scheme%d-run%02d.json", r.scheme(), r.run()));
                Json.write(f, r);
            }
            AtomicFiles.replaceDirectory(staging, dir);
        } catch (IOException e) {
            AtomicFiles.deleteRecursively(staging);
            throw new TlException("cannot write the baseline " + dir + ": " + e.getMessage(), e);
        }
        return new Baseline(dir, Map.copyOf(metrics), List.copyOf(runs), setup);
    }
}
