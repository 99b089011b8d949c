package org.tlrepro.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.report.BuildContext;
import org.tlrepro.core.report.ReportFiles;
import org.tlrepro.core.report.ReportRequest;
import org.tlrepro.core.report.ReportStage;

/**
 * Renders the report from the clustering and the runs: {@code report.html} (one self-contained file),
 * {@code tables.tex}, {@code figures.tex} and {@code report.tex} (booktabs and the figures' PDFs, for pdflatex),
 * {@code summary.md}, {@code metrics.json} (every metric, flat, for {@code dvc metrics} and baselines),
 * {@code provenance.json} (commit, software, settings, hashes, timings, seeds), every figure as SVG and PDF under
 * {@code figures/} and the results as CSV under {@code csv/}, all under <code>${tl.workDir}/report</code>. The
 * rules are only reported here; {@code tl:check} enforces them.
 * <p>Example: {@code mvn tl:report -Dtl.report.results=src/baseline/full} renders a published result without
 * training.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class ReportMojo extends AbstractRulesMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.report.skip", defaultValue = "false")
    private boolean reportSkip;

    /** Folder of templates that replace the defaults of the same file name (e.g. {@code summary.md.vm}). */
    @Parameter(property = "tl.templates")
    private File templates;

    /**
     * Renders a published result instead of this build's clustering and runs: a folder holding {@code cluster.json},
     * {@code metrics.json} and the run records under {@code runs/}, as {@code tl:check -Dtl.baseline.update=true}
     * writes it. The reproduction's own is {@code src/baseline/full}: {@code mvn tl:report
     * -Dtl.report.results=src/baseline/full} shows the reference run's tables without training.
     */
    @Parameter(property = "tl.report.results")
    private File results;

    // for the provenance record: the Maven version (and the project folder's commit)
    @Parameter(defaultValue = "${maven.version}", readonly = true)
    private String mavenVersion;


    @Override
    protected boolean skipGoal() {
        return reportSkip;
    }

    @Override
    protected void run() {
        File baseline = unsetIfEmpty(this.baseline);
        File diffWith = baseline;
        if (updateBaseline && baseline != null && !baseline.isDirectory()) {
            getLog().info("No baseline in " + baseline + " yet: tl:check writes the first (tl.baseline.update=true)");
            diffWith = null;
        }
        ReportFiles files = ReportStage.run(new ReportRequest(workDir(), pathOrNull(templates), pathOrNull(paperValues),
                rules(), pathOrNull(diffWith), pathOrNull(results),
                new BuildContext(pathOrNull(basedir), mavenVersion, tlSettings())));
        if (results != null) {
            getLog().info("Rendered the published results in " + results + ", not this build's");
        }
        files.overridden().forEach(t -> getLog().info("Template " + t + " from " + templates));
        for (Path p : files.all()) {
            getLog().info("Wrote " + p);
        }
        getLog().info("Wrote " + files.figures().size() + " figure files to " + files.figures().get(0).getParent()
                + " and " + files.csv().size() + " CSV files to " + files.csv().get(0).getParent());
    }
}
