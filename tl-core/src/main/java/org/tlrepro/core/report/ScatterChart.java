package org.tlrepro.core.report;

import static org.tlrepro.core.report.SvgCanvas.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tlrepro.core.results.Regression;

/** Figures 2 and 3 as inline SVG: points with error bars, the fit line and its statistics, ours and the paper's. */
public final class ScatterChart {

    private ScatterChart() {
    }

    /**
     * Figures 2 and 3: the combinations as points with error bars of one SD over their runs, the least-squares line,
     * its slope, R² and the slope's p-value.
     */
    public static Markup scatter(Regression r) {
        return scatter(r, null);
    }

    /** The paper's points alone (Figure 2b), drawn as the paper's are everywhere: hollow red, a dashed line. */
    public static Markup paperScatter(Regression paper) {
        StringBuilder svg = open(paper.yLabel() + " against " + paper.xLabel() + ", the paper's");
        Range x = Range.of(paper.points().stream().mapToDouble(Regression.Point::x).toArray()).padded().nice();
        List<Double> ys = new ArrayList<>(paper.points().stream().map(Regression.Point::y).toList());
        if (hasLine(paper)) {
            ys.add(paper.intercept() + paper.slope() * x.min());
            ys.add(paper.intercept() + paper.slope() * x.max());
        }
        Range y = Range.of(ys.stream().mapToDouble(Double::doubleValue).toArray()).padded().nice();
        axes(svg, x, y, paper.xLabel(), paper.yLabel());
        points(svg, x, y, paper, "paper", PAPER, false);
        legend(svg, 16, PAPER, false, "the paper's: " + stats(paper));
        return close(svg);
    }

    /**
     * The same with another set of points on the same axes, the paper's (hollow red circles and a dashed line),
     * or {@code null} for ours alone.
     */
    public static Markup scatter(Regression r, Regression paper) {
        StringBuilder svg = open(r.yLabel() + " against " + r.xLabel());
        if (r.points().isEmpty() && paper == null) {
            return close(svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "no combinations trained yet")));
        }
        List<Regression> sets = paper == null ? List.of(r) : List.of(r, paper);
        Range x = Range.of(sets.stream().flatMap(set -> set.points().stream()).mapToDouble(Regression.Point::x)
                .toArray());
        // the error bars and the lines must fit too
        List<Double> ys = new ArrayList<>();
        for (Regression set : sets) {
            for (Regression.Point p : set.points()) {
                ys.add(p.y());
                if (Double.isFinite(p.sd())) {
                    ys.add(p.y() - p.sd());
                    ys.add(p.y() + p.sd());
                }
            }
            if (hasLine(set)) {
                ys.add(set.intercept() + set.slope() * x.min());
                ys.add(set.intercept() + set.slope() * x.max());
            }
        }
        Range y = Range.of(ys.stream().mapToDouble(Double::doubleValue).toArray());
        x = x.padded().nice();
        y = y.padded().nice();
        if (r.xLabel().endsWith("(%)")) {
            x = x.within(0, 100); // a class ratio: the axis never runs past 0 or 100 %
        }
        axes(svg, x, y, r.xLabel(), r.yLabel());
        if (paper != null) {
            points(svg, x, y, paper, "paper", PAPER, false);
        }
        points(svg, x, y, r, "ours", OURS, true);
        legend(svg, 16, OURS, true, "ours: " + (r.points().isEmpty() ? "no combinations trained yet" : stats(r)));
        if (paper != null) {
            legend(svg, 30, PAPER, false, "the paper's: " + stats(paper));
        }
        return close(svg);
    }

    private static boolean hasLine(Regression r) {
        return Double.isFinite(r.slope()) && Double.isFinite(r.intercept());
    }

    private static String stats(Regression r) {
        return hasLine(r) ? String.format(Locale.ROOT, "slope = %.3g, R\u00b2 = %.3f, p = %s, n = %d", r.slope(),
                r.rSquared(), Double.isNaN(r.slopePValue()) ? "n/a" : String.format(Locale.ROOT, "%.2g",
                        r.slopePValue()), r.n())
                : "no line: fewer than two distinct x values (n = " + r.n() + ")";
    }

    /** One set's fit line, error bars and points: filled circles, or hollow ones for a second set. */
    private static void points(StringBuilder svg, Range x, Range y, Regression r, String cls, String colour,
                               boolean filled) {
        if (hasLine(r)) {
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"fit%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"1.5\"%s/>", filled ? "" : " " + cls + "-fit", px(x, x.min()),
                    py(y, r.intercept() + r.slope() * x.min()), px(x, x.max()), py(y, r.intercept() + r.slope() * x.max()),
                    filled ? OURS_LINE : colour, filled ? "" : " stroke-dasharray=\"6 3\" stroke-opacity=\"0.7\""));
        }
        for (Regression.Point p : r.points()) {
            if (Double.isFinite(p.sd())) {
                svg.append(String.format(Locale.ROOT,
                        "<line class=\"errorbar\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9ecae1\" stroke-width=\"1.5\"/>",
                        px(x, p.x()), py(y, p.y() - p.sd()), px(x, p.x()), py(y, p.y() + p.sd())));
            }
        }
        for (Regression.Point p : r.points()) {
            svg.append(String.format(Locale.ROOT,
                    "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" %s><title>%s (%s, %s)</title></circle>",
                    cls, px(x, p.x()), py(y, p.y()), marker(colour, filled), Escape.html(p.label()), num(p.x()),
                    num(p.y())));
        }
    }

    private static String marker(String colour, boolean filled) {
        return filled ? "fill=\"" + colour + "\" fill-opacity=\"0.85\""
                : "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\"";
    }

    private static void legend(StringBuilder svg, double baseline, String colour, boolean filled, String label) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"legend\" cx=\"%d\" cy=\"%.1f\" r=\"4\" %s/>", LEFT + 4,
                baseline - 4, marker(colour, filled)));
        svg.append(text(LEFT + 12, baseline, "start", label));
    }
}
