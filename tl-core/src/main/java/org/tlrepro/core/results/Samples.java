package org.tlrepro.core.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.tlrepro.core.train.RunResult;

/**
 * The per-run values behind the metrics that a statistical test can judge: a mean over runs is compared through
 * the runs it averages, not through the mean alone.
 * <ul>
 *   <li>{@code table2.schemeN.mean}: the test accuracy (percent) of each run of Scheme N;</li>
 *   <li>{@code table2.improvement}: Scheme 4 minus Scheme 1 of each run that has both (points);</li>
 *   <li>{@code table3.meanImprovement}: each combination's mean improvement (points).</li>
 * </ul>
 */
public final class Samples {

    private Samples() {
    }

    /** The names of the metrics that have per-run values. */
    public static List<String> metrics() {
        return List.of("table2.scheme1.mean", "table2.scheme2.mean", "table2.scheme3.mean", "table2.scheme4.mean",
                "table2.improvement", "table3.meanImprovement");
    }

    /** What one value of a metric's samples is: a run, or (for Table 3) a combination's mean over its runs. */
    public static String unit(String metric) {
        return metric.trim().startsWith("table3.") ? "combinations" : "runs";
    }

    /** Every metric of {@link #metrics()} with its values (an empty array where the runs have none). */
    public static Map<String, double[]> of(List<RunResult> runs) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int scheme = 1; scheme <= 4; scheme++) {
            out.put("table2.scheme" + scheme + ".mean",
                    byRun(runs, "table2", scheme).values().stream().mapToDouble(r -> 100 * r.testAccuracy()).toArray());
        }
        out.put("table2.improvement", improvements(runs, "table2"));
        out.put("table3.meanImprovement", runs.stream().map(RunResult::experiment).filter(e -> e.startsWith("table3/"))
                .distinct().sorted().map(e -> improvements(runs, e)).filter(v -> v.length > 0)
                .mapToDouble(v -> java.util.Arrays.stream(v).average().orElseThrow()).toArray());
        return out;
    }

    private static double[] improvements(List<RunResult> runs, String experiment) {
        Map<Integer, RunResult> one = byRun(runs, experiment, 1);
        Map<Integer, RunResult> four = byRun(runs, experiment, 4);
        return one.keySet().stream().filter(four::containsKey)
                .mapToDouble(run -> 100 * (four.get(run).testAccuracy() - one.get(run).testAccuracy())).toArray();
    }

    /** The runs of one experiment and scheme by run number, in run order. */
    static Map<Integer, RunResult> byRun(List<RunResult> runs, String experiment, int scheme) {
        return runs.stream().filter(r -> r.experiment().equals(experiment) && r.scheme() == scheme)
                .collect(Collectors.toMap(RunResult::run, r -> r, (a, b) -> a, TreeMap::new));
    }
}
