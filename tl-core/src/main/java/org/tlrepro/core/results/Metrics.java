package org.tlrepro.core.results;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tlrepro.core.TlException;

/**
 * The named numbers of a {@link Results} that gates can judge, e.g. {@code table2.scheme4.mean}. Accuracies are in
 * percent, SDs and differences in percentage points.
 */
public final class Metrics {

    private Metrics() {
    }

    /** Every metric with its value (NaN where the results lack it). */
    public static Map<String, Double> of(Results r) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int scheme = 1; scheme <= 4; scheme++) {
            int s = scheme;
            SchemeSummary summary = r.table2().stream().filter(x -> x.scheme() == s).findFirst().orElse(null);
            m.put("table2.scheme" + s + ".mean", summary == null ? Double.NaN : summary.mean());
            m.put("table2.scheme" + s + ".sd", summary == null ? Double.NaN : summary.sd());
            m.put("table2.scheme" + s + ".runs", summary == null ? 0 : (double) summary.n());
            m.put("table2.scheme" + s + ".paperDifference",
                    summary == null || summary.difference() == null ? Double.NaN : summary.difference());
            m.put("table2.scheme" + s + ".majorityRate", summary == null ? Double.NaN : summary.majorityRate());
            m.put("table2.scheme" + s + ".minAboveMajority", summary == null ? Double.NaN : summary.minAboveMajority());
            m.put("table2.scheme" + s + ".oneClassRuns", summary == null ? 0 : (double) summary.oneClassRuns());
        }
        m.put("table2.improvement", r.improvement());
        m.put("table3.combinations", (double) r.table3().size());
        m.put("table3.meanImprovement", r.table3().stream().mapToDouble(CombinationSummary::improvement).average()
                .orElse(Double.NaN));
        m.put("table3.minRuns", (double) r.table3().stream().mapToInt(CombinationSummary::runs).min().orElse(0));
        m.put("table3.positiveImprovements", (double) r.table3().stream().filter(c -> c.improvement() > 0).count());
        m.put("table3.oneClassRuns", (double) r.table3().stream().mapToInt(CombinationSummary::oneClassRuns).sum());
        m.put("figure2.slope", r.figure2().slope());
        m.put("figure2.slopePValue", r.figure2().slopePValue());
        m.put("figure3.sourceRatio.slope", r.figure3Source().slope());
        m.put("figure3.sourceRatio.slopePValue", r.figure3Source().slopePValue());
        m.put("figure3.targetRatio.slope", r.figure3Target().slope());
        m.put("figure3.targetRatio.slopePValue", r.figure3Target().slopePValue());
        return m;
    }

    /**
     * The value of an expression: a metric name, or the difference of two ({@code a - b}).
     *
     * @throws TlException naming the unknown metric and listing the known ones
     */
    public static double evaluate(Map<String, Double> metrics, String expression) {
        String[] parts = expression.split("\\s+-\\s+");
        if (parts.length > 2) {
            throw new TlException("metric expression '" + expression + "' has more than one '-': use 'a' or 'a - b'");
        }
        double value = lookup(metrics, parts[0].trim());
        return parts.length == 2 ? value - lookup(metrics, parts[1].trim()) : value;
    }

    private static double lookup(Map<String, Double> metrics, String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new TlException("unknown metric '" + name + "' in a tl:check rule; known metrics: "
                    + String.join(", ", metrics.keySet()));
        }
        return v;
    }
}
