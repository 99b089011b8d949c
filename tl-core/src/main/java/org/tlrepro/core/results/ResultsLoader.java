package org.tlrepro.core.results;

import java.nio.file.Path;

import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.ClusterOutput;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.train.TrainOutput;
import org.tlrepro.core.train.TrainSummary;

/**
 * Reads what {@code tl:cluster} and {@code tl:train} wrote under the work folder, or a published result (a
 * {@link Baseline} folder with its clustering), into {@link Results}.
 */
public final class ResultsLoader {

    private ResultsLoader() {
    }

    /**
     * @param workDir     the {@code tl.workDir} folder
     * @param paperValues the paper's values file, or {@code null}
     */
    public static Results load(Path workDir, Path paperValues) {
        WorkLayout layout = new WorkLayout(workDir);
        return load(layout, trainSummary(layout), paperValues);
    }

    /** tl:train's summary, which holds the runs and their setup. */
    public static TrainSummary trainSummary(WorkLayout layout) {
        return new TrainOutput(layout.runs()).readSummary("run tl:train first (or, if it ran, run the build again "
                + "with -Dtl.force=true)");
    }

    /** As {@link #load(Path, Path)}, with the summary already read. */
    public static Results load(WorkLayout layout, TrainSummary summary, Path paperValues) {
        ClusterResult clustering = layout.clustering().readResult();
        return ResultsBuilder.build(clustering, summary.setup(), summary.runs(),
                paperValues == null ? null : PaperValues.read(paperValues));
    }

    /**
     * A published result: a folder that {@code tl:check -Dtl.baseline.update=true} wrote, holding
     * {@code cluster.json}, {@code metrics.json} and the run records under {@code runs/}.
     *
     * @param dir         the folder
     * @param paperValues the paper's values file, or {@code null}
     */
    public static Results loadPublished(Path dir, Path paperValues) {
        ClusterOutput published = new ClusterOutput(dir);
        if (!published.hasResult()) {
            throw new TlException("the published results " + dir + " (tl.report.results) have no "
                    + ClusterOutput.RESULT + ": name a folder that tl:check -Dtl.baseline.update=true wrote, such as "
                    + "reproduction-project/src/baseline/full");
        }
        ClusterResult clustering = published.readResult();
        Baseline baseline = Baseline.read(dir);
        if (baseline.runs().isEmpty()) {
            throw new TlException("the published results " + dir + " (tl.report.results) hold no run records under "
                    + Baseline.RUNS + "/");
        }
        return ResultsBuilder.build(clustering, baseline.setup(), baseline.runs(),
                paperValues == null ? null : PaperValues.read(paperValues));
    }
}
