package org.tlrepro.core.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tlrepro.core.TlException;

/**
 * The named numbers of a {@link Results} that gates can judge, e.g. {@code table2.scheme4.mean}. Accuracies are in
 * percent, SDs and differences in percentage points.
 */
public final class Metrics {

    private static final List<String> SCHEME_METRICS = List.of("mean", "sd", "runs", "paperDifference",
            "majorityRate", "minAboveMajority", "oneClassRuns");

    private Metrics() {
    }

    /** The names {@link #of} gives, without results: the rules are checked against them before any work. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int scheme = 1; scheme <= 4; scheme++) {
            for (String m : SCHEME_METRICS) {
                names.add("table2.scheme" + scheme + "." + m);
            }
        }
        names.addAll(List.of("table2.improvement", "table2.configuredRuns", "table3.configuredRuns",
                "table3.combinations", "table3.meanImprovement", "table3.minRuns",
                "table3.positiveImprovements", "table3.oneClassRuns", "figure2.slope", "figure2.slopePValue",
                "figure3.sourceRatio.slope", "figure3.sourceRatio.slopePValue", "figure3.targetRatio.slope",
                "figure3.targetRatio.slopePValue"));
        return names;
    }

    /**
     * The metric names in an expression ({@code a} or {@code a - b}), each checked against {@link #names()}.
     *
     * @throws TlException naming an unknown metric and listing the known ones
     */
    public static List<String> namesIn(String expression) {
        List<String> parts = parts(expression);
        List<String> known = names();
        for (String name : parts) {
            if (!known.contains(name)) {
                throw unknown(name, known);
            }
        }
        return parts;
    }

    /**
     * Whether the metric describes Table 3's experiments (Table 3 itself and Figures 2 and 3, which plot its
     * combinations), which a build without Table 3 ({@code tl.table3.runs=0}) does not have.
     */
    public static boolean ofTable3(String name) {
        return name.startsWith("table3.") || name.startsWith("figure2.") || name.startsWith("figure3.");
    }

    /** Whether the expression names a metric of Table 3's experiments, see {@link #ofTable3}. */
    public static boolean namesTable3(String expression) {
        return parts(expression).stream().anyMatch(Metrics::ofTable3);
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
        // the run counts the results' own build asked for (its train.json or setup.json), so that a gate "every
        // configured run finished" needs no -Dtl.runs when rendering published results
        m.put("table2.configuredRuns", r.setup() == null ? Double.NaN : r.setup().protocol().runs());
        m.put("table3.configuredRuns", r.setup() == null ? Double.NaN : r.setup().protocol().table3Runs());
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
        List<String> parts = parts(expression);
        double value = lookup(metrics, parts.get(0));
        return parts.size() == 2 ? value - lookup(metrics, parts.get(1)) : value;
    }

    private static List<String> parts(String expression) {
        String[] parts = expression.split("\\s+-\\s+");
        if (parts.length > 2) {
            throw new TlException("metric expression '" + expression + "' has more than one '-': use 'a' or 'a - b'");
        }
        return Arrays.stream(parts).map(String::trim).toList();
    }

    private static double lookup(Map<String, Double> metrics, String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw unknown(name, metrics.keySet());
        }
        return v;
    }

    private static TlException unknown(String name, Collection<String> known) {
        return new TlException("unknown metric '" + name + "' in a tl:check rule; known metrics: "
                + String.join(", ", known));
    }
}
