package org.tlrepro.core.results;

import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A least-squares line through points, for Figures 2 and 3 (commons-math {@link SimpleRegression}).
 *
 * @param slope        NaN when fewer than two distinct x values
 * @param rSquared     coefficient of determination
 * @param slopePValue  two-sided p-value of the t-test of slope = 0 (NaN below three points): whether the trend
 *                     could be chance
 */
public record Regression(String xLabel, String yLabel, List<Point> points, double slope, double intercept,
                         double rSquared, double slopePValue, long n) {

    /**
     * A labelled point.
     *
     * @param sd the spread of y over the runs behind it (drawn as an error bar); NaN when unknown
     */
    public record Point(String label, double x, double y, double sd) {

        public Point(String label, double x, double y) {
            this(label, x, y, Double.NaN);
        }
    }

    public static Regression fit(String xLabel, String yLabel, List<Point> points) {
        SimpleRegression r = new SimpleRegression();
        points.forEach(p -> r.addData(p.x(), p.y()));
        return new Regression(xLabel, yLabel, List.copyOf(points), r.getSlope(), r.getIntercept(), r.getRSquare(),
                r.getN() < 3 ? Double.NaN : r.getSignificance(), r.getN());
    }
}
