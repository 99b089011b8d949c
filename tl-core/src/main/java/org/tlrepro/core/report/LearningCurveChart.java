package org.tlrepro.core.report;

import static org.tlrepro.core.report.SvgCanvas.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tlrepro.core.results.SchemeSummary;
import org.tlrepro.core.train.RunResult;

/** Figure 5 as inline SVG: the training loss per epoch of every run, per scheme. */
public final class LearningCurveChart {

    private LearningCurveChart() {
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
}
