package org.tlrepro.core.progress;

import java.time.Duration;

import org.slf4j.Logger;

/**
 * Progress of long work in the build log, with count, rate and ETA: a line every 5 seconds in the first minute,
 * then every 30 seconds, so that an hours-long stage does not flood the log.
 */
public final class Progress {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long LATER_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();
    private static final long FIRST_MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final Logger log;
    private final String what;
    private final long total;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastLog = start;

    /**
     * @param total amount of work, or a negative number where it is not known
     * @param unit  what is counted; "bytes" prints MB
     */
    public Progress(Logger log, String what, long total, String unit) {
        this.log = log;
        this.what = what;
        this.total = total;
        this.unit = unit;
    }

    public void update(long done) {
        long now = System.nanoTime();
        long interval = now - start < FIRST_MINUTE_NANOS ? INTERVAL_NANOS : LATER_INTERVAL_NANOS;
        if (now - lastLog >= interval) {
            lastLog = now;
            log.info(line(done, now));
        }
    }

    /** Logs the final count, time and rate. */
    public void finish(long done) {
        double seconds = seconds(System.nanoTime());
        log.info(String.format("%s: %s in %.1f s, %s", what, amount(done), seconds, rate(done / seconds)));
    }

    String line(long done, long now) {
        double rate = done / seconds(now);
        StringBuilder s = new StringBuilder(what).append(": ").append(amount(done));
        if (total >= 0) {
            s.append(" of ").append(amount(total));
            s.append(String.format(" (%d%%)", total == 0 ? 100 : Math.round(100.0 * done / total)));
        }
        s.append(", ").append(rate(rate));
        if (total >= 0 && rate > 0) {
            s.append(", ETA ").append(clock((long) ((total - done) / rate)));
        }
        return s.toString();
    }

    private double seconds(long now) {
        return Math.max(1e-9, (now - start) / 1e9);
    }

    private String rate(double perSecond) {
        return "bytes".equals(unit) ? String.format("%.1f MB/s", perSecond / 1e6)
                : String.format("%.1f %s/s", perSecond, unit);
    }

    private String amount(long n) {
        return "bytes".equals(unit) ? String.format("%.1f MB", n / 1e6) : n + " " + unit;
    }

    static String clock(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
