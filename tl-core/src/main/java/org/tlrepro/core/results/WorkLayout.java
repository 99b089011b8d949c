package org.tlrepro.core.results;

import java.nio.file.Path;

import org.tlrepro.core.cluster.ClusterOutput;
import org.tlrepro.core.prepare.PreparedData;

/**
 * The folders of {@code tl.workDir}, named in this one place: each goal writes its own and reads the earlier ones.
 *
 * @param dir the {@code tl.workDir} folder (the reproduction: {@code target/tl})
 */
public record WorkLayout(Path dir) {

    /** {@code tl:prepare}'s images, index and originals. */
    public Path prepare() {
        return dir.resolve("prepare");
    }

    public PreparedData prepared() {
        return new PreparedData(prepare());
    }

    /** {@code tl:cluster}'s subsets. */
    public Path cluster() {
        return dir.resolve("cluster");
    }

    public ClusterOutput clustering() {
        return new ClusterOutput(cluster());
    }

    /** {@code tl:train}'s run ledger and {@code train.json}. */
    public Path runs() {
        return dir.resolve("runs");
    }

    /** {@code tl:report}'s HTML, LaTeX, CSV, figures and metrics. */
    public Path report() {
        return dir.resolve("report");
    }

    /** {@code tl:check}'s JUnit XML. */
    public Path check() {
        return dir.resolve("check");
    }
}
