package org.tlrepro.maven;

import org.tlrepro.core.TlException;
import org.tlrepro.core.results.Rule;

/**
 * A {@code <rule>} of {@code tl:check}: {@code <name>}, {@code <metric>} (a metric or {@code a - b}), and either
 * {@code <minimum>} (or {@code <above>}, a bound to exceed)/{@code <maximum>} or {@code <compare>} ({@code welch}, with an optional {@code <alpha>} and
 * {@code <maximumChange>}; or {@code absolute}, with {@code <maximumChange>}) to judge the change against the
 * baseline; {@code <reportOnly>} for claims that are reported, not enforced.
 */
public class GateRule {

    private String name;
    private String metric;
    private String minimum;
    private String maximum;
    private String above;
    private boolean reportOnly;
    private String compare;
    private String alpha;
    private String maximumChange;

    public void setName(String name) {
        this.name = name;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public void setMinimum(String minimum) {
        this.minimum = minimum;
    }

    public void setMaximum(String maximum) {
        this.maximum = maximum;
    }

    /** A lower bound the value must exceed (not merely reach), instead of {@code <minimum>}. */
    public void setAbove(String above) {
        this.above = above;
    }

    public void setReportOnly(boolean reportOnly) {
        this.reportOnly = reportOnly;
    }

    public void setCompare(String compare) {
        this.compare = compare;
    }

    public void setAlpha(String alpha) {
        this.alpha = alpha;
    }

    public void setMaximumChange(String maximumChange) {
        this.maximumChange = maximumChange;
    }

    /**
     * @param defaultAlpha the level of a Welch rule that gives no {@code <alpha>} ({@code tl.baseline.alpha})
     * @throws TlException naming the rule and the bound that is not a number; the bounds are read as text so that a
     *                     bad {@code ${tl.runs}} in one is named by the settings check first, not by Maven's
     *                     "Cannot convert" before any tl code runs
     */
    Rule toRule(double defaultAlpha) {
        Rule.Compare how = Rule.Compare.parse(compare);
        String label = name == null ? metric : name;
        Double a = number(label, "alpha", alpha);
        Double min = number(label, "minimum", minimum);
        Double strict = number(label, "above", above);
        if (min != null && strict != null) {
            throw new TlException("the rule '" + label + "' has both <minimum> and <above>: keep one");
        }
        return new Rule(label, metric, strict != null ? strict : min, number(label, "maximum", maximum),
                reportOnly, how, how == Rule.Compare.WELCH && a == null ? Double.valueOf(defaultAlpha) : a,
                number(label, "maximumChange", maximumChange), strict != null);
    }

    private static Double number(String rule, String element, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new TlException("the rule '" + rule + "' has <" + element + ">" + text.trim() + "</" + element
                    + ">, which is not a number" + (text.contains("${") ? " (a property it names is not set)" : "")
                    + ": fix the rule or the property it takes its value from");
        }
    }
}
