package org.tlrepro.maven;

import java.io.File;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.check.CheckRequest;
import org.tlrepro.core.check.CheckResult;
import org.tlrepro.core.check.CheckStage;
import org.tlrepro.core.results.Rule;

/**
 * Judges the results against the configured rules, jacoco-style: every rule is printed with its value and
 * limits, or with its change against the baseline and the test used, and the build fails if an enforced rule is
 * violated (unless {@code tl.haltOnFailure=false}). The outcomes also go to
 * {@code ${tl.workDir}/check/TEST-tl-check.xml} (JUnit XML, for CI test tabs).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractTlMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.check.skip", defaultValue = "false")
    private boolean checkSkip;

    /** Fail the build when an enforced rule is violated; {@code false} only reports. */
    @Parameter(property = "tl.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** The paper's values (JSON), for the rules on differences from the paper. */
    @Parameter(property = "tl.paperValues")
    private File paperValues;

    /**
     * The baseline that {@code <compare>} rules judge the change against: a folder with {@code metrics.json} and the
     * run records ({@code runs/}), as {@code -Dtl.baseline.update=true} writes it. Unset: those rules are skipped.
     */
    @Parameter(property = "tl.baseline")
    private File baseline;

    /** Write this build's results as the new baseline (into {@code tl.baseline}), if its other rules are met. */
    @Parameter(property = "tl.baseline.update", defaultValue = "false")
    private boolean updateBaseline;

    /** Level of the Welch rules that give no {@code <alpha>}: a change with a smaller p-value fails. */
    @Parameter(property = "tl.baseline.alpha", defaultValue = "0.001")
    private double alpha;

    /**
     * The rules: {@code <rule><name/><metric/><minimum/><maximum/><reportOnly/></rule>}, or with
     * {@code <compare>welch|absolute</compare>}, {@code <alpha/>} and {@code <maximumChange/>} to judge the change
     * against the baseline.
     */
    @Parameter
    private List<GateRule> rules;

    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected boolean skipGoal() {
        return checkSkip;
    }

    @Override
    protected void run() throws MojoFailureException {
        CheckResult result = CheckStage.run(new CheckRequest(workDir(), pathOrNull(paperValues),
                rules == null ? List.of() : rules.stream().map(r -> r.toRule(alpha)).toList(), pathOrNull(baseline),
                updateBaseline));
        for (Rule.Outcome o : result.outcomes()) {
            if (o.failed()) {
                getLog().warn(o.describe());
            } else {
                getLog().info(o.describe());
            }
        }
        getLog().info("Rule outcomes (JUnit XML): " + result.junitXml());
        if (updateBaseline) {
            if (result.baselineWritten() != null) {
                getLog().info("Baseline written to " + result.baselineWritten() + " (" + result.verdict().line()
                        + "): commit it");
            } else {
                getLog().warn("Baseline not written: the build's own rules are not all met");
            }
        }
        List<Rule.Outcome> failures = result.failures();
        if (failures.isEmpty()) {
            getLog().info(result.verdict().line());
            return;
        }
        String message = result.verdict().line() + "; violated:\n"
                + failures.stream().map(Rule.Outcome::describe).collect(Collectors.joining("\n"));
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + "\n(tl.haltOnFailure=false: the build goes on)");
    }
}
