package org.tlrepro.core.results;

import java.util.Locale;

import org.tlrepro.core.TlException;

/**
 * A gate on one metric expression, as configured in the POM (like jacoco's check rules). A rule either bounds a
 * value ({@code minimum}/{@code maximum}) or, with {@code compare}, judges its change against a baseline.
 *
 * @param name          what the rule stands for, e.g. "Scheme 4 beats Scheme 1 (the paper's claim)"
 * @param metric        a metric name or a difference {@code a - b} (see {@link Metrics})
 * @param minimum       lowest allowed value, or {@code null}
 * @param maximum       highest allowed value, or {@code null}
 * @param reportOnly    a violation is reported but never fails the build (the paper's claims)
 * @param compare       how the value is judged against the baseline, {@link Compare#NONE} for a bound rule
 * @param alpha         {@link Compare#WELCH}: the change fails when the test's p-value is below this level
 * @param maximumChange {@link Compare#ABSOLUTE}: the largest allowed |now - baseline|; {@link Compare#WELCH}:
 *                      optional, a change at most this large never fails however significant
 * @param above         the value must exceed {@code minimum}, not only reach it ({@code <above>}): a claim of
 *                      improvement is not met by +0.00
 */
public record Rule(String name, String metric, Double minimum, Double maximum, boolean reportOnly, Compare compare,
                   Double alpha, Double maximumChange, boolean above) {

    /** How a rule relates this build's value to the baseline's. */
    public enum Compare {
        /** No baseline: the value is bounded by minimum and maximum. */
        NONE,
        /** Welch's t-test on the per-run values behind the metric (see {@link Samples}). */
        WELCH,
        /** |now - baseline| at most {@code maximumChange}. */
        ABSOLUTE;

        public static Compare parse(String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TlException("a tl:check rule has <compare>" + text + "</compare>: use welch or absolute");
            }
        }
    }

    /** PASS, FAIL, or SKIPPED (not judged, for a {@link Skip} reason). */
    public enum Status { PASS, FAIL, SKIPPED }

    public Rule {
        compare = compare == null ? Compare.NONE : compare;
        String what = "tl:check rule '" + name + "'";
        if (compare == Compare.NONE && minimum == null && maximum == null) {
            throw new TlException(what + " has neither <minimum>, <maximum> nor <compare>: give at least one");
        }
        if (above && minimum == null) {
            throw new TlException(what + " is strict (above) without a bound");
        }
        if (compare != Compare.NONE && (minimum != null || maximum != null)) {
            throw new TlException(what + " has <compare> and a <minimum> or <maximum>: make them two rules");
        }
        if (compare == Compare.WELCH && (alpha == null || !(alpha > 0 && alpha < 1))) {
            throw new TlException(what + ": <alpha> (or tl.baseline.alpha) must be between 0 and 1, not " + alpha);
        }
        if (compare == Compare.ABSOLUTE && (maximumChange == null || maximumChange < 0)) {
            throw new TlException(what + " compares with <compare>absolute</compare>: give <maximumChange> >= 0");
        }
    }

    /** A rule whose lower bound, if any, is reached by its value. */
    public Rule(String name, String metric, Double minimum, Double maximum, boolean reportOnly, Compare compare,
                Double alpha, Double maximumChange) {
        this(name, metric, minimum, maximum, reportOnly, compare, alpha, maximumChange, false);
    }

    /** A bound rule. */
    public Rule(String name, String metric, Double minimum, Double maximum, boolean reportOnly) {
        this(name, metric, minimum, maximum, reportOnly, Compare.NONE, null, null);
    }

    /** A Welch comparison with the baseline at level {@code alpha}. */
    public static Rule welch(String name, String metric, double alpha) {
        return new Rule(name, metric, null, null, false, Compare.WELCH, alpha, null);
    }

    /** The outcome of a rule; {@code detail} says the values and limits or the test. */
    /** Why a rule was skipped, in the verdict's words. */
    public enum Skip {
        NO_BASELINE("no baseline"), NO_TABLE3("Table 3 not trained");

        private final String words;

        Skip(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** @param skip why the rule was not judged: given exactly when the status is SKIPPED */
    public record Outcome(Rule rule, double value, Status status, String detail, Skip skip) {

        public Outcome {
            if ((status == Status.SKIPPED) != (skip != null)) {
                throw new IllegalArgumentException("a skipped outcome, and only one, says why: " + status + ", " + skip);
            }
        }

        /** A judged rule (not skipped). */
        public Outcome(Rule rule, double value, Status status, String detail) {
            this(rule, value, status, detail, null);
        }

        public boolean passed() {
            return status == Status.PASS;
        }

        public boolean failed() {
            return status == Status.FAIL;
        }

        public boolean skipped() {
            return status == Status.SKIPPED;
        }

        public String describe() {
            String word = status == Status.SKIPPED ? "SKIP" : status.name();
            return String.format("%s %s: %s%s", word, rule.name(), detail,
                    rule.reportOnly() ? " [reported, not enforced]" : "");
        }
    }

    /** Judges a bound rule. */
    public Outcome judge(double value) {
        boolean ok = !Double.isNaN(value) && (minimum == null || (above ? value > minimum : value >= minimum))
                && (maximum == null || value <= maximum);
        String limits = (minimum == null ? "" : (above ? "above " : "minimum ") + minimum)
                + (minimum != null && maximum != null ? ", " : "")
                + (maximum == null ? "" : "maximum " + maximum);
        return new Outcome(this, value, ok ? Status.PASS : Status.FAIL, String.format(Locale.ROOT, "%s = %s (%s)",
                metric, Double.isNaN(value) ? "no value" : String.format(Locale.ROOT, "%.4f", value), limits));
    }
}
