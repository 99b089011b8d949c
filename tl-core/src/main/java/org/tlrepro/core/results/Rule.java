package org.tlrepro.core.results;

/**
 * A gate on one metric expression, as configured in the POM (like jacoco's check rules).
 *
 * @param name       what the rule stands for, e.g. "Scheme 4 beats Scheme 1 (the paper's claim)"
 * @param metric     a metric name or a difference {@code a - b} (see {@link Metrics})
 * @param minimum    lowest allowed value, or {@code null}
 * @param maximum    highest allowed value, or {@code null}
 * @param reportOnly a violation is reported but never fails the build (the paper's claims)
 */
public record Rule(String name, String metric, Double minimum, Double maximum, boolean reportOnly) {

    /** The outcome of a rule. */
    public record Outcome(Rule rule, double value, boolean passed) {

        public String describe() {
            String limits = (rule.minimum() == null ? "" : "minimum " + rule.minimum())
                    + (rule.minimum() != null && rule.maximum() != null ? ", " : "")
                    + (rule.maximum() == null ? "" : "maximum " + rule.maximum());
            return String.format("%s %s: %s = %s (%s)%s", passed ? "PASS" : "FAIL", rule.name(), rule.metric(),
                    Double.isNaN(value) ? "no value" : String.format("%.4f", value), limits,
                    rule.reportOnly() ? " [reported, not enforced]" : "");
        }
    }

    public Outcome judge(double value) {
        boolean ok = !Double.isNaN(value) && (minimum == null || value >= minimum)
                && (maximum == null || value <= maximum);
        return new Outcome(this, value, ok);
    }
}
