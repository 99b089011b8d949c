package org.tlrepro.core.results;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's two-sample t-test of the per-run values of one metric, baseline against now (commons-math's
 * {@link TTest#tTest(double[], double[])}, which does not assume equal variances).
 *
 * @param baselineMean mean of the baseline's values
 * @param nowMean      mean of this build's values
 * @param baselineN    baseline runs
 * @param nowN         this build's runs
 * @param t            the t statistic (now minus baseline); infinite when both samples are constant and differ
 * @param p            two-sided p-value: 1 for two identical constant samples, 0 for two different ones
 */
public record Comparison(double baselineMean, double nowMean, int baselineN, int nowN, double t, double p) {

    /** now minus baseline. */
    public double change() {
        return nowMean - baselineMean;
    }

    /**
     * @throws IllegalArgumentException with fewer than two values on either side: a variance needs two
     */
    public static Comparison welch(double[] baseline, double[] now) {
        if (baseline.length < 2 || now.length < 2) {
            throw new IllegalArgumentException("Welch's t-test needs at least 2 values on each side, not "
                    + baseline.length + " (baseline) and " + now.length + " (now)");
        }
        SummaryStatistics b = stats(baseline);
        SummaryStatistics n = stats(now);
        int nb = baseline.length;
        int nn = now.length;
        if (b.getVariance() == 0 && n.getVariance() == 0) {
            // commons-math divides by a zero standard error here; two constant samples differ or they do not
            boolean same = b.getMean() == n.getMean();
            return new Comparison(b.getMean(), n.getMean(), nb, nn,
                    same ? 0 : Math.copySign(Double.POSITIVE_INFINITY, n.getMean() - b.getMean()), same ? 1 : 0);
        }
        TTest test = new TTest();
        return new Comparison(b.getMean(), n.getMean(), nb, nn, test.t(now, baseline), test.tTest(now, baseline));
    }

    private static SummaryStatistics stats(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }
}
