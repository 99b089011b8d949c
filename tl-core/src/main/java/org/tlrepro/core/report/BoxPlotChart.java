package org.tlrepro.core.report;

import static org.tlrepro.core.report.SvgCanvas.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.tlrepro.core.results.SchemeSummary;
import org.tlrepro.core.train.RunResult;

/** Figure 4 as inline SVG: the run accuracies of each scheme as a box plot beside the paper's mean. */
public final class BoxPlotChart {

    private BoxPlotChart() {
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
}
