package org.tlrepro.maven;

import org.tlrepro.core.results.Rule;

/**
 * A {@code <rule>} of {@code tl:check}: {@code <name>}, {@code <metric>} (a metric or {@code a - b}),
 * {@code <minimum>} and/or {@code <maximum>}, and {@code <reportOnly>} for claims that are reported, not enforced.
 */
public class GateRule {

    private String name;
    private String metric;
    private Double minimum;
    private Double maximum;
    private boolean reportOnly;

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

    Rule toRule() {
        return new Rule(name == null ? metric : name, metric, minimum, maximum, reportOnly);
    }
}
