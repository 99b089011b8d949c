package org.tlrepro.core.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tlrepro.core.TlException;

/** Judges every rule against the results and, for the rules that compare, against a baseline. */
public final class Gates {

    private Gates() {
    }

    public static List<Rule.Outcome> check(Results results, List<Rule> rules) {
        return check(results, rules, null);
    }

    /**
     * @param baseline the earlier result that {@code compare} rules judge the change against, or {@code null}:
     *                 they are then skipped
     * @throws TlException for an unknown metric, or a Welch rule on a metric without per-run values
     */
    public static List<Rule.Outcome> check(Results results, List<Rule> rules, Baseline baseline) {
        Side now = new Side(Metrics.of(results), Samples.of(results.runs()));
        // the baseline may predate a metric: it is then NaN there, not an unknown name
        Side before = baseline == null ? null : new Side(withUnknownAsNaN(baseline.metrics(), now.metrics()),
                baseline.samples());
        return rules.stream().map(r -> judge(r, now, before)).toList();
    }

    /**
     * Checks the rules before any work: every metric they name exists and every Welch rule's has per-run values,
     * so that a misspelt rule fails the build at its start, not in tl:report after hours of training.
     *
     * @throws TlException naming the rule and the metric
     */
    public static void validate(List<Rule> rules) {
        for (Rule rule : rules) {
            try {
                Metrics.namesIn(rule.metric());
            } catch (TlException e) {
                throw new TlException("rule '" + rule.name() + "': " + e.getMessage(), e);
            }
            if (rule.compare() == Rule.Compare.WELCH && !Samples.metrics().contains(rule.metric().trim())) {
                throw welchWithoutSamples(rule);
            }
        }
    }

    private static TlException welchWithoutSamples(Rule rule) {
        return new TlException("tl:check rule '" + rule.name() + "' compares '" + rule.metric()
                + "' with Welch's t-test, which needs per-run values; metrics that have them: "
                + String.join(", ", Samples.metrics()) + " (use <compare>absolute</compare> for others)");
    }

    /** The metrics and per-run values of one build, this one or the baseline. */
    private record Side(Map<String, Double> metrics, Map<String, double[]> samples) {
    }

    /** Outcomes that fail the build: violated and enforced. */
    public static List<Rule.Outcome> failures(List<Rule.Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.failed() && !o.rule().reportOnly()).toList();
    }

    private static Rule.Outcome judge(Rule rule, Side current, Side baseline) {
        double now = Metrics.evaluate(current.metrics(), rule.metric());
        // a build that trained no Table 3 (tl.table3.runs=0) has nothing a Table 3 rule could judge
        if (current.metrics().getOrDefault("table3.configuredRuns", Double.NaN) == 0
                && Metrics.namesTable3(rule.metric())) {
            return new Rule.Outcome(rule, now, Rule.Status.SKIPPED, rule.metric() + ": Table 3 was not trained "
                    + "(tl.table3.runs=0)", Rule.Skip.NO_TABLE3);
        }
        if (rule.compare() == Rule.Compare.NONE) {
            return rule.judge(now);
        }
        String metric = rule.metric().trim();
        if (rule.compare() == Rule.Compare.WELCH && !current.samples().containsKey(metric)) {
            throw welchWithoutSamples(rule);
        }
        if (baseline == null) {
            return new Rule.Outcome(rule, now, Rule.Status.SKIPPED, rule.metric() + " = " + number(now)
                    + "; no baseline to compare with (tl.baseline)", Rule.Skip.NO_BASELINE);
        }
        double before = Metrics.evaluate(baseline.metrics(), rule.metric());
        String values = String.format(Locale.ROOT, "%s baseline %s, now %s, change %s", rule.metric(), number(before),
                number(now), signed(now - before));
        if (Double.isNaN(now) || Double.isNaN(before)) {
            return new Rule.Outcome(rule, now, Rule.Status.FAIL, values + ": no value to compare");
        }
        if (rule.compare() == Rule.Compare.ABSOLUTE) {
            boolean ok = Math.abs(now - before) <= rule.maximumChange();
            return new Rule.Outcome(rule, now, ok ? Rule.Status.PASS : Rule.Status.FAIL,
                    values + " (maximum change " + rule.maximumChange() + ")");
        }
        double[] b = baseline.samples().get(metric);
        double[] n = current.samples().get(metric);
        if (b.length < 2 || n.length < 2) {
            return new Rule.Outcome(rule, now, Rule.Status.FAIL, values + "; Welch's t-test needs at least 2 "
                    + Samples.unit(metric) + " on each side, there are " + b.length + " (baseline) and " + n.length + " (now)");
        }
        Comparison c = Comparison.welch(b, n);
        boolean significant = c.p() < rule.alpha();
        boolean large = rule.maximumChange() == null || Math.abs(c.change()) > rule.maximumChange();
        String test = String.format(Locale.ROOT, "; Welch's t-test over %d and %d %s: t = %s, p = %s %s alpha %s",
                c.baselineN(), c.nowN(), Samples.unit(metric), Double.isInfinite(c.t()) ? (c.t() > 0 ? "+inf" : "-inf")
                        : String.format(Locale.ROOT, "%.2f", c.t()),
                String.format(Locale.ROOT, "%.3g", c.p()), significant ? "<" : ">=", rule.alpha())
                + (rule.maximumChange() == null ? "" : ", changes up to " + rule.maximumChange() + " tolerated");
        return new Rule.Outcome(rule, now, significant && large ? Rule.Status.FAIL : Rule.Status.PASS, values + test);
    }

    private static Map<String, Double> withUnknownAsNaN(Map<String, Double> baseline, Map<String, Double> known) {
        Map<String, Double> out = new LinkedHashMap<>();
        known.keySet().forEach(k -> out.put(k, Double.NaN));
        out.putAll(baseline);
        return out;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "no value" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.4f", v);
    }
}
