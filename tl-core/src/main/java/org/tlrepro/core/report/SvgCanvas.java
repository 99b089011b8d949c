package org.tlrepro.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the report's SVG figures share: the frame and its margins, the colours of ours and the paper's, axes with
 * round ticks, escaped text, labels that keep clear of each other. No scripts, no external resources; every text
 * from data is escaped here, which is why the charts return {@link Markup}.
 */
final class SvgCanvas {

    /** One colour and marker per source in every figure: ours filled blue with a solid line, the paper's red. */
    static final String OURS = "#2c7fb8";
    static final String OURS_LINE = "#08519c";
    static final String PAPER = "#c0392b";
    static final int WIDTH = 460;
    static final int HEIGHT = 300;
    static final int LEFT = 60;
    static final int RIGHT = 16;
    static final int TOP = 40;
    static final int BOTTOM = 46;

    private SvgCanvas() {
    }

    static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" font-family=\"sans-serif\" font-size=\"11\"><title>%s</title>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Escape.html(title)));
    }

    static Markup close(StringBuilder svg) {
        return new Markup(svg.append("</svg>").toString());
    }

    /** Axes with round ticks on y (and on x when given), and the labels; the ranges are {@link Range#nice()}. */
    static void axes(StringBuilder svg, Range x, Range y, String xLabel, String yLabel) {
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

    static String text(double x, double y, String anchor, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                Escape.html(s));
    }

    static double px(Range x, double v) {
        return LEFT + (v - x.min) / (x.max - x.min) * (WIDTH - LEFT - RIGHT);
    }

    static double py(Range y, double v) {
        return HEIGHT - BOTTOM - (v - y.min) / (y.max - y.min) * (HEIGHT - BOTTOM - TOP);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * Text labels that keep clear of each other: a label that would overlap one already placed moves up or down a
     * line at a time (widths estimated at 6.8 px a character of the 11-px DejaVu Sans).
     */
    static final class Labels {
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
    record Range(double min, double max) {

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
