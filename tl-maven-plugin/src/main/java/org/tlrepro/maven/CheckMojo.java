package org.tlrepro.maven;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.check.CheckRequest;
import org.tlrepro.core.check.CheckResult;
import org.tlrepro.core.check.CheckStage;
import org.tlrepro.core.report.GitState;
import org.tlrepro.core.report.Provenance;
import org.tlrepro.core.results.Rule;

/**
 * Judges the results against the configured rules, jacoco-style: every rule is printed with its value and
 * limits, or with its change against the baseline and the test used, and the build fails if an enforced rule is
 * violated (unless {@code tl.haltOnFailure=false}). The outcomes also go to
 * <code>${tl.workDir}/check/TEST-tl-check.xml</code> (JUnit XML, for CI test tabs).
 * <p>Example: {@code mvn verify -Dtl.haltOnFailure=false} reports every violated rule without failing the build;
 * {@code mvn verify -Dtl.baseline.update=true} writes this build's results as the new baseline.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRulesMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.check.skip", defaultValue = "false")
    private boolean checkSkip;

    /** Fail the build when an enforced rule is violated; {@code false} only reports. */
    @Parameter(property = "tl.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /**
     * Surefire's and failsafe's switch, honoured as they honour it: {@code -Dmaven.test.failure.ignore=true} reports
     * the violated rules without failing the build, as {@code tl.haltOnFailure=false} does.
     */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    @Override
    protected boolean skipGoal() {
        return checkSkip;
    }

    @Override
    protected void run() throws MojoFailureException {
        // paths as the provenance gives them: relative to the project (or beside it), the home folder as ~
        Map<String, String> properties = new TreeMap<>();
        tlSettings().forEach((k, v) -> properties.put(k, basedir == null ? v
                : Provenance.relative(v, basedir.toPath())));
        GitState git = basedir == null ? null : GitState.of(basedir.toPath());
        if (git != null) {
            properties.put("git.commit", git.commit() + (git.dirty() ? " (with uncommitted changes)" : ""));
        }
        CheckResult result = CheckStage.run(new CheckRequest(workDir(), pathOrNull(paperValues),
                rules(), pathOrNull(unsetIfEmpty(baseline)), updateBaseline, properties));
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
        if (haltOnFailure && !testFailureIgnore) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + "\n(" + (haltOnFailure ? "maven.test.failure.ignore=true" : "tl.haltOnFailure=false")
                + ": the build goes on)");
    }
}
