package org.tlrepro.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.Dendrogram;
import org.tlrepro.core.results.Regression;
import org.tlrepro.core.results.SchemeSummary;
import org.tlrepro.core.train.RunResult;

/**
 * The report's figures as inline SVG (no scripts, no external resources). Every text from data is escaped here,
 * which is why the results are {@link Markup}.
 */
public final class SvgCharts {

    /** One colour and marker per source in every figure: ours filled blue with a solid line, the paper's red. */
    private static final String OURS = "#2c7fb8";
    private static final String OURS_LINE = "#08519c";
    private static final String PAPER = "#c0392b";
    private static final int WIDTH = 460;
    private static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 46;

    private SvgCharts() {
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
            ys.add(paper.intercept() + paper.slope() * x.min);
            ys.add(paper.intercept() + paper.slope() * x.max);
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
                ys.add(set.intercept() + set.slope() * x.min);
                ys.add(set.intercept() + set.slope() * x.max);
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
                    + "stroke-width=\"1.5\"%s/>", filled ? "" : " " + cls + "-fit", px(x, x.min),
                    py(y, r.intercept() + r.slope() * x.min), px(x, x.max), py(y, r.intercept() + r.slope() * x.max),
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

    /**
     * The run accuracies of each scheme: box from the first to the third quartile (commons-math percentiles),
     * median line, whiskers to the extremes, every run as a dot and the paper's mean as a red bar.
     */
    public static Markup boxPlot(List<SchemeSummary> schemes) {
        StringBuilder svg = open("test accuracy of the runs per scheme");
        List<Double> all = new ArrayList<>();
        schemes.forEach(s -> s.runs().forEach(run -> all.add(100 * run.testAccuracy())));
        schemes.stream().filter(s -> s.paperMean() != null).forEach(s -> {
            double sd = s.paperSd() == null || !Double.isFinite(s.paperSd()) ? 0 : s.paperSd();
            all.add(s.paperMean() - sd);
            all.add(s.paperMean() + sd);
        });
        schemes.stream().filter(s -> Double.isFinite(s.majorityRate())).forEach(s -> all.add(s.majorityRate()));
        if (all.isEmpty()) {
            return close(svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "no runs yet")));
        }
        Range y = Range.of(all.stream().mapToDouble(Double::doubleValue).toArray()).padded().nice();
        double band = (WIDTH - LEFT - RIGHT) / (double) schemes.size();
        axes(svg, null, y, "", "test accuracy (%)");
        for (int i = 0; i < schemes.size(); i++) {
            SchemeSummary s = schemes.get(i);
            double cx = LEFT + band * (i + 0.5);
            DescriptiveStatistics d = new DescriptiveStatistics();
            s.runs().forEach(run -> d.addValue(100 * run.testAccuracy()));
            double w = Math.min(50, band * 0.5);
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"box\"><title>Scheme %d: n %d, median %s, quartiles %s to %s</title>"
                    + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>"
                    + "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#d6e6f2\" stroke=\"#333\"/>"
                    + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" stroke-width=\"2\"/></g>",
                    s.scheme(), d.getN(), num(d.getPercentile(50)), num(d.getPercentile(25)), num(d.getPercentile(75)),
                    cx, py(y, d.getMax()), cx, py(y, d.getMin()),
                    cx - w / 2, py(y, d.getPercentile(75)), w, py(y, d.getPercentile(25)) - py(y, d.getPercentile(75)),
                    cx - w / 2, py(y, d.getPercentile(50)), cx + w / 2, py(y, d.getPercentile(50))));
            if (Double.isFinite(s.majorityRate())) {
                // chance: what a model that always answers the test part's most frequent class scores
                svg.append(String.format(Locale.ROOT,
                        "<line class=\"chance\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#777\" "
                        + "stroke-dasharray=\"5 3\"><title>majority class: %s%%</title></line>",
                        cx - band * 0.45, py(y, s.majorityRate()), cx + band * 0.45, py(y, s.majorityRate()),
                        num(s.majorityRate())));
            }
            for (RunResult run : s.runs()) {
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#2c7fb8\"><title>run %d: %s%%</title></circle>",
                        cx + w * 0.7, py(y, 100 * run.testAccuracy()), run.run(), num(100 * run.testAccuracy())));
            }
            if (s.paperMean() != null) {
                double px = cx - w / 2 - 8;
                if (s.paperSd() != null && Double.isFinite(s.paperSd())) {
                    svg.append(String.format(Locale.ROOT,
                            "<line class=\"paper-sd\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                            + "stroke=\"#c0392b\"><title>the paper's SD: %s points</title></line>",
                            px, py(y, s.paperMean() - s.paperSd()), px, py(y, s.paperMean() + s.paperSd()),
                            num(s.paperSd())));
                }
                svg.append(String.format(Locale.ROOT,
                        "<line class=\"paper-mean\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#c0392b\" stroke-width=\"2\"><title>the paper's mean: %s%%</title></line>",
                        px - 5, py(y, s.paperMean()), px + 5, py(y, s.paperMean()), num(s.paperMean())));
            }
            svg.append(text(cx, HEIGHT - BOTTOM + 18, "middle", "Scheme " + s.scheme()));
        }
        svg.append(text(WIDTH - RIGHT, 16, "end", "red: the paper's mean \u00b1 one SD; dashed: majority-class rate"));
        return close(svg);
    }

    private static final String[] SCHEME_COLOURS = {"#2c7fb8", "#e67e22", "#27ae60", "#8e44ad", "#555555"};

    /**
     * Learning curves: the mean training loss of each epoch, every run of a scheme as a thin line and their mean as
     * a thick one, a colour per scheme.
     */
    public static Markup learningCurves(List<SchemeSummary> schemes) {
        StringBuilder svg = open("training loss per epoch, per scheme");
        int epochs = schemes.stream().flatMap(s -> s.runs().stream())
                .mapToInt(r -> r.epochLosses() == null ? 0 : r.epochLosses().size()).max().orElse(0);
        if (epochs == 0) {
            return close(svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "no epoch losses recorded")));
        }
        Range x = new Range(1, Math.max(2, epochs)).nice();
        Range y = Range.of(schemes.stream().flatMap(s -> s.runs().stream())
                .filter(r -> r.epochLosses() != null).flatMap(r -> r.epochLosses().stream())
                .mapToDouble(Double::doubleValue).toArray()).padded().nice();
        axes(svg, x, y, "epoch", "training loss (mean over the epoch)");
        for (int i = 0; i < schemes.size(); i++) {
            SchemeSummary s = schemes.get(i);
            String colour = SCHEME_COLOURS[Math.min(i, SCHEME_COLOURS.length - 1)];
            double[] sum = new double[epochs];
            int[] n = new int[epochs];
            for (RunResult run : s.runs()) {
                List<Double> losses = run.epochLosses() == null ? List.of() : run.epochLosses();
                for (int e = 0; e < losses.size(); e++) {
                    sum[e] += losses.get(e);
                    n[e]++;
                }
                svg.append(polyline(x, y, losses, colour, 0.8, 0.35, "run", "Scheme " + s.scheme() + ", run "
                        + run.run()));
            }
            List<Double> mean = new ArrayList<>();
            for (int e = 0; e < epochs && n[e] > 0; e++) {
                mean.add(sum[e] / n[e]);
            }
            svg.append(polyline(x, y, mean, colour, 2.5, 1, "mean", "Scheme " + s.scheme() + ": mean of "
                    + s.runs().size() + " runs"));
            // the legend in the top margin, four to a row, clear of the curves
            double lx = LEFT + 4 + 90 * (i % 4);
            double ly = 16 + 14 * (i / 4);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"%s\" stroke-width=\"2.5\"/>", lx, ly - 4, lx + 16, ly - 4, colour));
            svg.append(text(lx + 20, ly, "start", "Scheme " + s.scheme()));
        }
        return close(svg);
    }

    private static String polyline(Range x, Range y, List<Double> values, String colour, double width,
                                   double opacity, String cls, String title) {
        StringBuilder points = new StringBuilder();
        for (int e = 0; e < values.size(); e++) {
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", e == 0 ? "" : " ", px(x, e + 1),
                    py(y, values.get(e))));
        }
        return String.format(Locale.ROOT, "<polyline class=\"%s\" points=\"%s\" fill=\"none\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\" stroke-opacity=\"%.2f\"><title>%s</title></polyline>", cls, points, colour,
                width, opacity, Escape.html(title));
    }

    /**
     * Figure 1: the top of a class's dendrogram (its last merges; subtrees below them are drawn as leaves at height
     * 0), with the level-1 and level-2 nodes marked and the cuts that give them as dashed lines.
     */
    public static Markup dendrogramTop(ClusterResult.ClassInfo c) {
        StringBuilder svg = open("top of the dendrogram of " + c.name());
        List<Dendrogram.Merge> top = c.top();
        if (top.isEmpty()) {
            return close(svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "no merges")));
        }
        int first = c.firstTopId();
        int root = first + top.size() - 1;
        Map<Integer, Double> xOf = new HashMap<>();
        List<Integer> leaves = new ArrayList<>();
        order(root, first, top, leaves);
        double step = (WIDTH - LEFT - RIGHT) / (double) leaves.size();
        for (int i = 0; i < leaves.size(); i++) {
            xOf.put(leaves.get(i), LEFT + step * (i + 0.5));
        }
        Range y = new Range(0, top.get(top.size() - 1).height()).nice();
        axes(svg, null, y, "subtrees below the drawn merges, as leaves", "merge height");
        Labels labels = new Labels();
        for (int k = 0; k < top.size(); k++) {
            Dendrogram.Merge m = top.get(k);
            double xl = xOf.get(m.left());
            double xr = xOf.get(m.right());
            xOf.put(first + k, (xl + xr) / 2);
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"M%.1f %.1fV%.1fH%.1fV%.1f\" fill=\"none\" stroke=\"#555\"/>", xl,
                    py(y, height(m.left(), first, top)), py(y, m.height()), xr, py(y, height(m.right(), first, top))));
        }
        cut(svg, labels, y, c.level1(), top.get(top.size() - 1).height(), "level 1");
        cut(svg, labels, y, c.level2(),
                c.level1().stream().mapToDouble(ClusterResult.NodeInfo::height).min().orElse(0), "level 2");
        mark(svg, labels, y, c.level1(), first, top, xOf, "#2c7fb8");
        mark(svg, labels, y, c.level2(), first, top, xOf, "#e67e22");
        return close(svg.append(text(LEFT + 4, 16, "start",
                c.name() + String.format(Locale.ROOT, ": %,d images, last %d merges", c.images(), top.size()))));
    }

    /** Leaves of the drawn tree, left to right. */
    private static void order(int id, int first, List<Dendrogram.Merge> top, List<Integer> leaves) {
        if (id < first) {
            leaves.add(id);
            return;
        }
        Dendrogram.Merge m = top.get(id - first);
        order(m.left(), first, top, leaves);
        order(m.right(), first, top, leaves);
    }

    private static double height(int id, int first, List<Dendrogram.Merge> top) {
        return id < first ? 0 : top.get(id - first).height();
    }

    /** A dashed line between the nodes of a level and the merges above them, where one height separates them. */
    private static void cut(StringBuilder svg, Labels labels, Range y, List<ClusterResult.NodeInfo> nodes, double above,
                            String label) {
        double highest = nodes.stream().mapToDouble(ClusterResult.NodeInfo::height).max().orElse(Double.NaN);
        if (!(highest < above)) {
            return;
        }
        double h = (highest + above) / 2;
        svg.append(String.format(Locale.ROOT,
                "<line class=\"cut\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>",
                LEFT, py(y, h), WIDTH - RIGHT, py(y, h)));
        svg.append(labels.place(WIDTH - RIGHT, py(y, h) - 3, "end", label + " cut"));
    }

    private static void mark(StringBuilder svg, Labels labels, Range y, List<ClusterResult.NodeInfo> nodes, int first,
                             List<Dendrogram.Merge> top, Map<Integer, Double> xOf, String colour) {
        for (ClusterResult.NodeInfo n : nodes) {
            Double x = xOf.get(n.dendrogramId());
            if (x == null) {
                continue;
            }
            double cy = py(y, height(n.dendrogramId(), first, top));
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"node\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/><title>%s: %,d images</title></g>",
                    x, cy, colour, Escape.html(n.id()), n.size()));
            svg.append(labels.place(x + 5, cy - 5, "start", n.id() + String.format(Locale.ROOT, " (%,d)", n.size())));
        }
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" font-family=\"sans-serif\" font-size=\"11\"><title>%s</title>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Escape.html(title)));
    }

    private static Markup close(StringBuilder svg) {
        return new Markup(svg.append("</svg>").toString());
    }

    /** Axes with round ticks on y (and on x when given), and the labels; the ranges are {@link Range#nice()}. */
    private static void axes(StringBuilder svg, Range x, Range y, String xLabel, String yLabel) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT,
                "<path d=\"M%d %dV%dH%d\" fill=\"none\" stroke=\"#333\"/>", LEFT, TOP, bottom, WIDTH - RIGHT));
        NiceAxis ya = NiceAxis.of(y.min, y.max, 5);
        for (double v : ya.ticks()) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>",
                    LEFT - 4, py(y, v), LEFT, py(y, v)));
            svg.append(text(LEFT - 6, py(y, v) + 4, "end", ya.label(v)));
        }
        // where the data straddle zero (an improvement), a line at zero tells gains from losses
        if (y.min < 0 && y.max > 0) {
            svg.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
                    + "y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>", LEFT, py(y, 0), WIDTH - RIGHT, py(y, 0)));
        }
        if (x != null) {
            NiceAxis xa = NiceAxis.of(x.min, x.max, 5);
            for (double u : xa.ticks()) {
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>", px(x, u), bottom, px(x, u),
                        bottom + 4));
                svg.append(text(px(x, u), bottom + 16, "middle", xa.label(u)));
            }
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", xLabel));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>",
                (TOP + bottom) / 2.0, (TOP + bottom) / 2.0, Escape.html(yLabel)));
    }

    private static String text(double x, double y, String anchor, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                Escape.html(s));
    }

    private static double px(Range x, double v) {
        return LEFT + (v - x.min) / (x.max - x.min) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(Range y, double v) {
        return HEIGHT - BOTTOM - (v - y.min) / (y.max - y.min) * (HEIGHT - BOTTOM - TOP);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * Text labels that keep clear of each other: a label that would overlap one already placed moves up or down a
     * line at a time (widths estimated at 6.8 px a character of the 11-px DejaVu Sans).
     */
    private static final class Labels {
        private static final double LINE = 12;
        private static final double[] SHIFTS = {0, -LINE, LINE, -2 * LINE, 2 * LINE, -3 * LINE, 3 * LINE};
        private final List<double[]> boxes = new ArrayList<>();

        String place(double x, double y, String anchor, String s) {
            double w = 6.8 * s.length();
            if (anchor.equals("start") && x + w > WIDTH - 2) {
                // a label that would run off the right edge goes to the left of its point instead
                x -= 10;
                anchor = "end";
            }
            double left = switch (anchor) {
                case "end" -> x - w;
                case "middle" -> x - w / 2;
                default -> x;
            };
            double chosen = y;
            for (double shift : SHIFTS) {
                double[] box = {left, y + shift - 10, left + w, y + shift + 2};
                if (box[1] >= 0 && box[3] <= HEIGHT && boxes.stream().noneMatch(b -> overlap(b, box))) {
                    chosen = y + shift;
                    break;
                }
            }
            boxes.add(new double[] {left, chosen - 10, left + w, chosen + 2});
            // a white backing keeps the label readable where a tree line passes under it
            return String.format(Locale.ROOT,
                    "<rect class=\"label-back\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"13\" fill=\"#fff\" "
                    + "fill-opacity=\"0.9\"/>", left - 1, chosen - 10, w + 2) + text(x, chosen, anchor, s);
        }

        private static boolean overlap(double[] a, double[] b) {
            return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        }
    }

    /** A closed interval of data values. */
    private record Range(double min, double max) {

        static Range of(double[] values) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            return lo > hi ? new Range(0, 1) : new Range(lo, hi);
        }

        /** 2% more on each side, so that no point sits on the frame. */
        Range padded() {
            double pad = max > min ? (max - min) * 0.02 : 0.5;
            return new Range(min - pad, max + pad);
        }

        Range within(double lo, double hi) {
            return new Range(Math.max(lo, min), Math.min(hi, max));
        }

        /** Widened to the round ends of its {@link NiceAxis}, so that the first and last ticks are the axis' ends. */
        Range nice() {
            // until the axis of the widened range is the same axis: axes() recomputes it, and its ticks must end
            // where the range does (-10..15 by 10s would draw a tick at 20, outside the frame)
            NiceAxis a = NiceAxis.of(min, max, 5);
            for (int i = 0; i < 4; i++) {
                NiceAxis again = NiceAxis.of(a.min(), a.max(), 5);
                if (again.equals(a)) {
                    break;
                }
                a = again;
            }
            return new Range(a.min(), a.max());
        }

        /** An empty or single-value range becomes one unit wide, so that scaling never divides by zero. */
        Range {
            if (max <= min) {
                max = min + 1;
            }
        }
    }
}
