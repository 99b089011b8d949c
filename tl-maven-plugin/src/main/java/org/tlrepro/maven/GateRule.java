package org.tlrepro.maven;

import org.tlrepro.core.results.Rule;

/**
 * A {@code <rule>} of {@code tl:check}: {@code <name>}, {@code <metric>} (a metric or {@code a - b}), and either
 * {@code <minimum>}/{@code <maximum>} or {@code <compare>} ({@code welch}, with an optional {@code <alpha>} and
 * {@code <maximumChange>}; or {@code absolute}, with {@code <maximumChange>}) to judge the change against the
 * baseline; {@code <reportOnly>} for claims that are reported, not enforced.
 */
public class GateRule {

    private String name;
    private String metric;
    private Double minimum;
    private Double maximum;
    private boolean reportOnly;
    private String compare;
    private Double alpha;
    private Double maximumChange;

    public void setName(String name) {
        this.name = name;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public void setMinimum(Double minimum) {
        this.minimum = minimum;
    }

    public void setMaximum(Double maximum) {
        this.maximum = maximum;
    }

    public void setReportOnly(boolean reportOnly) {
        this.reportOnly = reportOnly;
    }

    public void setCompare(String compare) {
        this.compare = compare;
    }

    public void setAlpha(Double alpha) {
        this.alpha = alpha;
    }

    public void setMaximumChange(Double maximumChange) {
        this.maximumChange = maximumChange;
    }

    /** @param defaultAlpha the level of a Welch rule that gives no {@code <alpha>} ({@code tl.baseline.alpha}) */
    Rule toRule(double defaultAlpha) {
        Rule.Compare how = Rule.Compare.parse(compare);
        return new Rule(name == null ? metric : name, metric, minimum, maximum, reportOnly, how,
                how == Rule.Compare.WELCH && alpha == null ? Double.valueOf(defaultAlpha) : alpha, maximumChange);
    }
}
