package org.tlrepro.core.report;

import java.util.Locale;

/** Number formatting for templates ({@code $fmt}): fixed decimals, the same in every locale; "n/a" for no value. */
public final class Format {

    public static final String NO_VALUE = "n/a";

    /** {@code value} with {@code decimals} decimals, or "n/a" for null and NaN. */
    public String fixed(Object value, int decimals) {
        Double d = number(value);
        return d == null ? NO_VALUE : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    /** Like {@link #fixed} with an explicit sign: "+0.94", "-1.05". */
    public String signed(Object value, int decimals) {
        Double d = number(value);
        return d == null ? NO_VALUE : String.format(Locale.ROOT, "%+." + decimals + "f", d);
    }

    /** A count with thousands separators: "848,226". */
    public String count(Object value) {
        Double d = number(value);
        return d == null ? NO_VALUE : String.format(Locale.ROOT, "%,d", Math.round(d));
    }

    /** A fraction of 1 in percent (null stays null). */
    public Double percent(Object fraction) {
        Double d = number(fraction);
        return d == null ? null : 100 * d;
    }

    /** Three significant digits, for slopes whose scale depends on the axis. */
    public String significant(Object value) {
        Double d = number(value);
        return d == null ? NO_VALUE : String.format(Locale.ROOT, "%.3g", d);
    }

    /** Any value as text, "n/a" for null (strict mode refuses to print a null). */
    public String text(Object value) {
        return value == null ? NO_VALUE : value.toString();
    }

    private static Double number(Object value) {
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
            return null;
        }
        return n.doubleValue();
    }
}
