package org.tlrepro.core.check;

import java.nio.file.Path;
import java.util.List;

import org.tlrepro.core.progress.Stopwatch;
import org.tlrepro.core.results.Baseline;
import org.tlrepro.core.results.Gates;
import org.tlrepro.core.results.Metrics;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.results.ResultsLoader;
import org.tlrepro.core.results.Rule;
import org.tlrepro.core.results.Verdict;
import org.tlrepro.core.results.WorkLayout;

/**
 * {@code tl:check}: judges the results against the rules and a baseline, writes the outcomes as JUnit XML under
 * {@code workDir/check}, and on request makes this build's results the new baseline.
 */
public final class CheckStage {

    private CheckStage() {
    }

    public static Path outputDir(Path workDir) {
        return new WorkLayout(workDir).check();
    }

    public static CheckResult run(CheckRequest request) {
        Stopwatch watch = Stopwatch.start();
        Results results = ResultsLoader.load(request.workDir(), request.paperValues());
        Path written = null;
        List<Rule.Outcome> outcomes;
        if (request.updateBaseline()) {
            // a baseline is only taken from a build that meets its other rules
            outcomes = Gates.check(results, request.rules(), null);
            if (Gates.failures(outcomes).isEmpty()) {
                // tl:report runs before tl:check: its provenance record goes with the published runs
                Path provenance = new WorkLayout(request.workDir()).report().resolve("provenance.json");
                Baseline fresh = Baseline.write(request.baseline(), Metrics.of(results), results.runs(),
                        results.clustering(), results.setup(), provenance);
                written = fresh.dir();
                outcomes = Gates.check(results, request.rules(), fresh);
            }
        } else {
            Baseline baseline = request.baseline() == null ? null : Baseline.read(request.baseline());
            outcomes = Gates.check(results, request.rules(), baseline);
        }
        Path xml = outputDir(request.workDir()).resolve(JUnitXml.FILE);
        JUnitXml.write(xml, outcomes, request.properties(), java.time.Instant.now(),
                watch.seconds());
        return new CheckResult(outcomes, Verdict.of(outcomes), xml, written);
    }
}
