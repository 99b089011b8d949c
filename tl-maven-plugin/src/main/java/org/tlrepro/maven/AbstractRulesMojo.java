package org.tlrepro.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.results.Rule;

/** The parameters that {@code tl:report} and {@code tl:check} share: the rules, the paper's values, the baseline. */
public abstract class AbstractRulesMojo extends AbstractTlMojo {

    /** The paper's values (JSON): shown beside ours in the report, and judged by the rules on the paper. */
    @Parameter(property = "tl.paperValues")
    protected File paperValues;

    /**
     * The rules: {@code <rule><name/><metric/><minimum/><maximum/><reportOnly/></rule>}, or with
     * {@code <compare>welch|absolute</compare>}, {@code <alpha/>} and {@code <maximumChange/>} to judge the change
     * against the baseline. {@code tl:check} enforces them; the report lists their outcomes.
     */
    @Parameter
    protected List<GateRule> rules;

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

    /** Level of the Welch rules that give no {@code <alpha>}: a change with a smaller p-value fails. */
    @Parameter(property = "tl.baseline.alpha", defaultValue = "0.001")
    protected double alpha;

    /** The configured rules, for tl-core. */
    protected List<Rule> rules() {
        return rules == null ? List.of() : rules.stream().map(r -> r.toRule(alpha)).toList();
    }
}
