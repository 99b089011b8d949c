package org.tlrepro.core.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.tlrepro.core.train.RunResult;

/**
 * The paper's claims of Section 4, each judged on our results with a 95% confidence interval: the gain of transfer
 * (Scheme 4 over Scheme 1) and its size, Scheme 4 the best and the steadiest scheme, 11 of 16 combinations improved,
 * Figure 2's falling and Figure 3's rising trend.
 *
 * <p>Every Table 2 run tests its four schemes on one split of the target, so schemes are compared run by run (paired
 * differences, Pitman-Morgan's test for two variances of paired values). The count of improved combinations gets a
 * percentile bootstrap over each combination's runs (fixed seed, so the report is reproducible).
 */
public final class Claims {

    static final double LEVEL = 0.95;
    /** A run within this many points of its majority-class rate has learned next to nothing. */
    public static final double COLLAPSE_POINTS = 0.5;
    private static final int BOOTSTRAP = 4000;

    private Claims() {
    }

    public static List<Claim> of(Results results) {
        List<Claim> out = new ArrayList<>();
        PaperValues paper = results.paper();
        out.add(gain(results, paper));
        out.add(gainSize(results, paper));
        out.add(best(results, paper));
        out.add(steadiest(results, paper));
        Set<String> collapsed = collapsedCombinations(results.runs());
        out.add(improvedCombinations(results, paper, collapsed));
        out.add(slope("figure2", "The improvement falls as the source-target distance grows (Figure 2)",
                "falls (the regression line of its Figure 2)", results.figure2(), false, collapsed,
                "points per unit of cosine distance"));
        out.add(slope("figure3", "The improvement rises with the source's minority-class ratio (Figure 3)",
                "rises (its Figure 3, \"particularly ... in the source subset\")", results.figure3Source(), true,
                collapsed, "points per % of ratio"));
        return out;
    }

    /**
     * Table 3 combinations that rest on a collapsed run: a Scheme 1 or 4 model that predicted one class, or whose
     * accuracy is within {@value #COLLAPSE_POINTS} points of its test part's majority-class rate.
     */
    public static Set<String> collapsedCombinations(List<RunResult> runs) {
        Set<String> out = new TreeSet<>();
        for (RunResult r : runs) {
            if (r.experiment().startsWith("table3/") && (r.scheme() == 1 || r.scheme() == 4)
                    && (r.predictedOneClass() || Math.abs(r.pointsAboveMajority()) < COLLAPSE_POINTS)) {
                out.add(r.experiment().substring("table3/".length()));
            }
        }
        return out;
    }

    private static Claim gain(Results results, PaperValues paper) {
        double[] d = paired(results.runs(), "table2", 4, 1);
        Interval ci = Interval.mean(d);
        long better = Arrays.stream(d).filter(v -> v > 0).count();
        return new Claim("gain", "Transfer (Scheme 4) beats training on the target alone (Scheme 1)",
                paper == null ? "" : "yes, " + signed(paper.improvement()) + " points",
                ci.describe() + " points; Scheme 4 better in " + better + " of " + d.length + " runs",
                ci.mean(), ci.low(), ci.high(), Claim.sign(ci.low(), ci.high(), true),
                "interval " + side(ci) + " 0");
    }

    private static Claim gainSize(Results results, PaperValues paper) {
        double[] d = paired(results.runs(), "table2", 4, 1);
        Interval ci = Interval.mean(d);
        double theirs = paper == null ? Double.NaN : paper.improvement();
        Claim.Verdict v = Double.isNaN(ci.low()) || Double.isNaN(theirs) ? Claim.Verdict.NOT_MEASURED
                : theirs >= ci.low() && theirs <= ci.high() ? Claim.Verdict.REPRODUCED : Claim.Verdict.NOT_REPRODUCED;
        return new Claim("gainSize", "The gain is " + signed(theirs) + " points (abstract, Section 4)",
                signed(theirs) + " points", ci.describe() + " points", ci.mean(), ci.low(), ci.high(), v,
                Double.isNaN(theirs) ? "" : "the paper's value lies " + (v == Claim.Verdict.REPRODUCED ? "inside"
                        : "outside") + " our interval");
    }

    /** Scheme 4 against each other scheme, run by run; the claim holds when every difference is above 0. */
    private static Claim best(Results results, PaperValues paper) {
        // the scheme that decides the verdict: one better than Scheme 4 beyond the noise, else one within the noise,
        // else the closest; among several, the one with the smallest difference
        Interval decisive = null;
        int decisiveScheme = 0;
        int decisiveRank = -1; // 2: better beyond the noise, 1: within the noise (or too few runs), 0: worse
        for (int k = 1; k <= 3; k++) {
            Interval ci = Interval.mean(paired(results.runs(), "table2", 4, k));
            if (Double.isNaN(ci.mean())) {
                continue;
            }
            int rank = ci.high() < 0 ? 2 : Double.isNaN(ci.low()) || ci.low() <= 0 ? 1 : 0;
            if (rank > decisiveRank || rank == decisiveRank && ci.mean() < decisive.mean()) {
                decisive = ci;
                decisiveScheme = k;
                decisiveRank = rank;
            }
        }
        String theirs = "";
        if (paper != null && paper.table2() != null) {
            PaperValues.Scheme next = paper.table2().stream().filter(s -> s.scheme() != 4)
                    .max((a, b) -> Double.compare(a.mean(), b.mean())).orElse(null);
            double four = paper.scheme(4).map(PaperValues.Scheme::mean).orElse(Double.NaN);
            theirs = next == null ? "" : "yes, " + fixed(four) + "%, " + signed(four - next.mean())
                    + " points over the next (Scheme " + next.scheme() + ")";
        }
        if (decisive == null) {
            return notMeasured("best", "Scheme 4 has the best mean accuracy", theirs);
        }
        Claim.Verdict v = decisiveRank == 2 ? Claim.Verdict.NOT_REPRODUCED
                : decisiveRank == 0 ? Claim.Verdict.REPRODUCED : Claim.Verdict.INCONCLUSIVE;
        String role = decisiveRank == 2 ? "better" : decisiveRank == 1 ? "within the noise" : "the closest";
        return new Claim("best", "Scheme 4 has the best mean accuracy", theirs,
                "Scheme 4 minus Scheme " + decisiveScheme + " (" + role + "): " + decisive.describe() + " points",
                decisive.mean(), decisive.low(), decisive.high(), v,
                decisiveRank == 2 ? "Scheme " + decisiveScheme + " is better beyond the noise"
                        : decisiveRank == 0 ? "every other scheme is worse beyond the noise"
                        : Double.isNaN(decisive.low()) ? "too few runs for an interval"
                        : "Scheme " + decisiveScheme + "'s difference from Scheme 4 contains 0");
    }

    /** Scheme 4's SD against each other scheme's, by Pitman-Morgan's test on the paired runs. */
    private static Claim steadiest(Results results, PaperValues paper) {
        String theirs = "";
        if (paper != null && paper.table2() != null && !paper.table2().isEmpty()) {
            String others = paper.table2().stream().filter(p -> p.scheme() != 4)
                    .map(p -> "Scheme " + p.scheme() + " " + fixed(p.sdPoints())).collect(Collectors.joining(", "));
            theirs = paper.scheme(4).map(p -> "yes, SD " + fixed(p.sdPoints()) + " points; the others: " + others)
                    .orElse("");
        }
        double[] four = accuracies(results.runs(), "table2", 4);
        if (four.length < 3) {
            return notMeasured("steadiest", "Scheme 4 has the smallest SD", theirs);
        }
        double sd4 = new DescriptiveStatistics(four).getStandardDeviation();
        boolean smallest = true;
        boolean significantlyLarger = false;
        boolean allSignificant = true;
        double weakest = 0;
        StringBuilder others = new StringBuilder();
        for (int k = 1; k <= 3; k++) {
            double[][] pair = pairs(results.runs(), "table2", 4, k);
            if (pair[0].length < 3) {
                continue;
            }
            double sdK = new DescriptiveStatistics(accuracies(results.runs(), "table2", k)).getStandardDeviation();
            double p = pitmanMorgan(pair[0], pair[1]);
            others.append(others.isEmpty() ? "" : ", ").append("Scheme ").append(k).append(' ').append(fixed(sdK))
                    .append(" (p = ").append(String.format(Locale.ROOT, "%.2g", p)).append(')');
            smallest &= sd4 < sdK;
            significantlyLarger |= sd4 > sdK && p < 1 - LEVEL;
            allSignificant &= sd4 < sdK && p < 1 - LEVEL;
            weakest = Math.max(weakest, p);
        }
        int n = four.length;
        ChiSquaredDistribution chi = new ChiSquaredDistribution(n - 1);
        double low = sd4 * Math.sqrt((n - 1) / chi.inverseCumulativeProbability((1 + LEVEL) / 2));
        double high = sd4 * Math.sqrt((n - 1) / chi.inverseCumulativeProbability((1 - LEVEL) / 2));
        Claim.Verdict v = significantlyLarger ? Claim.Verdict.NOT_REPRODUCED
                : allSignificant ? Claim.Verdict.REPRODUCED : Claim.Verdict.INCONCLUSIVE;
        return new Claim("steadiest", "Scheme 4 has the smallest SD (\"more robust\")", theirs,
                String.format(Locale.ROOT, "SD %s (%s to %s); the others: %s", fixed(sd4), fixed(low), fixed(high),
                        others), sd4, low, high, v,
                significantlyLarger ? "another scheme's SD is smaller beyond the noise"
                        : allSignificant ? "every other SD is larger beyond the noise (Pitman-Morgan, paired runs)"
                        : (smallest ? "smallest, but " : "not the smallest, but ")
                        + "not every difference stands out from the noise of " + n + " runs (Pitman-Morgan, "
                        + "paired runs, largest p " + String.format(Locale.ROOT, "%.2g", weakest) + ")");
    }

    private static Claim improvedCombinations(Results results, PaperValues paper, Set<String> collapsed) {
        List<CombinationSummary> rows = results.table3().stream().filter(c -> c.runs() > 0).toList();
        long theirs = paper == null || paper.table3() == null ? -1
                : paper.table3().stream().filter(r -> r.improvement() > 0).count();
        int theirsOf = paper == null || paper.table3() == null ? 0 : paper.table3().size();
        String statement = "Transfer improves most combinations (" + (theirs < 0 ? "" : theirs + " of " + theirsOf)
                + ", Table 3)";
        String paperText = theirs < 0 ? "" : theirs + " of " + theirsOf;
        if (rows.isEmpty()) {
            return notMeasured("improved", statement, paperText);
        }
        long ours = rows.stream().filter(c -> c.improvement() > 0).count();
        // a percentile bootstrap of the count: resample each combination's paired runs
        Map<String, double[]> perRow = new LinkedHashMap<>();
        rows.forEach(c -> perRow.put(c.id(), paired(results.runs(), "table3/" + c.id(), 4, 1)));
        SplittableRandom random = new SplittableRandom(20190101L);
        double[] counts = new double[BOOTSTRAP];
        for (int b = 0; b < BOOTSTRAP; b++) {
            int count = 0;
            for (double[] d : perRow.values()) {
                double sum = 0;
                for (int i = 0; i < d.length; i++) {
                    sum += d[random.nextInt(d.length)];
                }
                count += d.length > 0 && sum > 0 ? 1 : 0;
            }
            counts[b] = count;
        }
        DescriptiveStatistics s = new DescriptiveStatistics(counts);
        double low = s.getPercentile(100 * (1 - LEVEL) / 2);
        double high = s.getPercentile(100 * (1 + LEVEL) / 2);
        Claim.Verdict v = theirs < 0 ? Claim.Verdict.NOT_MEASURED
                : theirs >= low && theirs <= high ? Claim.Verdict.REPRODUCED : Claim.Verdict.NOT_REPRODUCED;
        return new Claim("improved", statement, paperText,
                String.format(Locale.ROOT, "%d of %d (%.0f to %.0f)", ours, rows.size(), low, high), ours, low, high,
                v, "the interval (a bootstrap over each combination's runs) "
                        + (v == Claim.Verdict.REPRODUCED ? "contains" : "excludes") + " the paper's count"
                        + collapsedNote(collapsed));
    }

    private static Claim slope(String id, String statement, String paperText, Regression r, boolean rising,
                               Set<String> collapsed, String unit) {
        if (r == null || r.points().size() < 3) {
            return notMeasured(id, statement, paperText);
        }
        SimpleRegression fit = new SimpleRegression();
        r.points().forEach(p -> fit.addData(p.x(), p.y()));
        double half = fit.getSlopeConfidenceInterval(1 - LEVEL);
        double low = fit.getSlope() - half;
        double high = fit.getSlope() + half;
        Claim.Verdict v = Claim.sign(low, high, rising);
        return new Claim(id, statement, paperText,
                String.format(Locale.ROOT, "slope %s (%s to %s) %s, R² %.2f", significant(fit.getSlope()),
                        significant(low), significant(high), unit, fit.getRSquare()),
                fit.getSlope(), low, high, v, "interval " + side(new Interval(fit.getSlope(), low, high)) + " 0"
                        + collapsedNote(collapsed));
    }

    private static String collapsedNote(Set<String> collapsed) {
        return collapsed.isEmpty() ? "" : "; " + collapsed.size() + " of the combinations rest on a collapsed run ("
                + String.join(", ", collapsed) + ")";
    }

    private static Claim notMeasured(String id, String statement, String paper) {
        return new Claim(id, statement, paper, "not measured", Double.NaN, Double.NaN, Double.NaN,
                Claim.Verdict.NOT_MEASURED, "too few runs");
    }

    /** Pitman-Morgan: equal variances of paired values hold exactly when their sum and difference are uncorrelated. */
    static double pitmanMorgan(double[] x, double[] y) {
        int n = x.length;
        double[] sum = new double[n];
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            sum[i] = x[i] + y[i];
            diff[i] = x[i] - y[i];
        }
        double r = new PearsonsCorrelation().correlation(sum, diff);
        if (Double.isNaN(r)) {
            return 1;
        }
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = r * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t));
    }

    /** Per run, scheme a minus scheme b, in points, over the runs that have both. */
    static double[] paired(List<RunResult> runs, String experiment, int a, int b) {
        double[][] p = pairs(runs, experiment, a, b);
        double[] d = new double[p[0].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = p[0][i] - p[1][i];
        }
        return d;
    }

    private static double[][] pairs(List<RunResult> runs, String experiment, int a, int b) {
        Map<Integer, RunResult> ra = Samples.byRun(runs, experiment, a);
        Map<Integer, RunResult> rb = Samples.byRun(runs, experiment, b);
        List<Integer> both = ra.keySet().stream().filter(rb::containsKey).toList();
        double[][] out = new double[2][both.size()];
        for (int i = 0; i < both.size(); i++) {
            out[0][i] = 100 * ra.get(both.get(i)).testAccuracy();
            out[1][i] = 100 * rb.get(both.get(i)).testAccuracy();
        }
        return out;
    }

    private static double[] accuracies(List<RunResult> runs, String experiment, int scheme) {
        return Samples.byRun(runs, experiment, scheme).values().stream().mapToDouble(r -> 100 * r.testAccuracy())
                .toArray();
    }

    private static String side(Interval ci) {
        return ci.low() > 0 ? "above" : ci.high() < 0 ? "below" : "contains";
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String significant(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%+.0f" : Math.abs(v) >= 1 ? "%+.2f" : "%+.3f", v);
    }

    /** A mean with its two-sided t interval. */
    record Interval(double mean, double low, double high) {

        static Interval mean(double[] values) {
            if (values.length < 2) {
                double m = values.length == 1 ? values[0] : Double.NaN;
                return new Interval(m, Double.NaN, Double.NaN);
            }
            DescriptiveStatistics s = new DescriptiveStatistics(values);
            double half = new TDistribution(values.length - 1).inverseCumulativeProbability((1 + LEVEL) / 2)
                    * s.getStandardDeviation() / Math.sqrt(values.length);
            return new Interval(s.getMean(), s.getMean() - half, s.getMean() + half);
        }

        String describe() {
            return Double.isNaN(low) ? signed(mean) : signed(mean) + " (" + signed(low) + " to " + signed(high) + ")";
        }
    }
}
