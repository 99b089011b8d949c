package org.tlrepro.maven;

import java.io.File;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.TlException;
import org.tlrepro.core.results.Gates;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.results.ResultsLoader;
import org.tlrepro.core.results.Rule;

/**
 * Judges the results against the configured rules, jacoco-style: every rule is printed with its value and
 * limits, and the build fails if an enforced rule is violated (unless {@code tl.haltOnFailure=false}).
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

    /** The rules: {@code <rule><name/><metric/><minimum/><maximum/><reportOnly/></rule>}. */
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
        if (rules == null || rules.isEmpty()) {
            throw new TlException("tl:check has no <rules>: configure at least one, or skip it (tl.check.skip)");
        }
        Results results = ResultsLoader.load(workDir(), pathOrNull(paperValues));
        List<Rule.Outcome> outcomes = Gates.check(results, rules.stream().map(GateRule::toRule).toList());
        for (Rule.Outcome o : outcomes) {
            if (o.passed()) {
                getLog().info(o.describe());
            } else {
                getLog().warn(o.describe());
            }
        }
        List<Rule.Outcome> failures = Gates.failures(outcomes);
        if (failures.isEmpty()) {
            getLog().info("All " + outcomes.size() + " rules are met");
            return;
        }
        String message = failures.size() + " of " + outcomes.size() + " rules are violated:\n"
                + failures.stream().map(Rule.Outcome::describe).collect(Collectors.joining("\n"));
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + "\n(tl.haltOnFailure=false: the build goes on)");
    }
}
