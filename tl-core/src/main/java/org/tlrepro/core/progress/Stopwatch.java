package org.tlrepro.core.progress;

/** Elapsed wall time since it was started, for the seconds that logs and records report. */
public final class Stopwatch {

    private final long start = System.nanoTime();

    private Stopwatch() {
    }

    public static Stopwatch start() {
        return new Stopwatch();
    }

    /** Seconds since {@link #start()}. */
    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
