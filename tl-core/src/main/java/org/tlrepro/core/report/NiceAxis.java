package org.tlrepro.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis whose ends and ticks are multiples of a round step (1, 2 or 5 times a power of ten), about five ticks
 * over the data: Heckbert's "nice numbers for graph labels" (Graphics Gems, 1990), as plotting libraries do it.
 *
 * @param min  first tick, at or below the data
 * @param max  last tick, at or above the data
 * @param step distance between ticks
 */
record NiceAxis(double min, double max, double step) {

    /** Axis over {@code lo..hi} with about {@code ticks} ticks. */
    static NiceAxis of(double lo, double hi, int ticks) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double step = nice((nice(hi - lo, false)) / (ticks - 1), true);
        return new NiceAxis(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, step);
    }

    // the round number near x: rounded (for a step) or the next at or above (for a range)
    private static double nice(double x, boolean round) {
        double exponent = Math.floor(Math.log10(x));
        double fraction = x / Math.pow(10, exponent);
        double f = round ? (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10)
                : (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
        return f * Math.pow(10, exponent);
    }

    /** The tick values, from min to max. */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        int n = (int) Math.round((max - min) / step);
        for (int i = 0; i <= n; i++) {
            out.add(min + i * step);
        }
        return out;
    }

    /** A tick's label with the step's decimals: "0.005", "55", never "1.00e-05" or "-0". */
    String label(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String s = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
