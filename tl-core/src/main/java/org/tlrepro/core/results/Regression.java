package org.tlrepro.core.results;

import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A least-squares line through points, for Figures 2 and 3 (commons-math {@link SimpleRegression}).
 *
 * @param slope     NaN when fewer than two distinct x values
 * @param rSquared  coefficient of determination
 */
public record Regression(String xLabel, String yLabel, List<Point> points, double slope, double intercept,
                         double rSquared, long n) {

    /** A labelled point. */
    public record Point(String label, double x, double y) {
    }

    public static Regression fit(String xLabel, String yLabel, List<Point> points) {
        SimpleRegression r = new SimpleRegression();
        points.forEach(p -> r.addData(p.x(), p.y()));
        return new Regression(xLabel, yLabel, List.copyOf(points), r.getSlope(), r.getIntercept(), r.getRSquare(),
                r.getN());
    }
}
