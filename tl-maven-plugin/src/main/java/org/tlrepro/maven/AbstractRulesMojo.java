package org.tlrepro.maven;

import java.io.File;

import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that {@code tl:report} and {@code tl:check} share: the paper's values and the baseline. */
public abstract class AbstractRulesMojo extends AbstractTlMojo {

    /** The paper's values (JSON): shown beside ours in the report, and judged by the rules on the paper. */
    @Parameter(property = "tl.paperValues")
    protected File paperValues;

    /**
     * The baseline that {@code <compare>} rules judge the change against and the report diffs its metrics with: a
     * folder with {@code metrics.json} and the run records ({@code runs/}), as {@code -Dtl.baseline.update=true}
     * writes it. Unset: those rules are skipped.
     */
    @Parameter(property = "tl.baseline")
    protected File baseline;

    /**
     * {@code tl:check} writes this build's results as the new baseline (into {@code tl.baseline}), if its other rules
     * are met; a build that writes the first baseline renders its report without a diff.
     */
    @Parameter(property = "tl.baseline.update", defaultValue = "false")
    protected boolean updateBaseline;

}
