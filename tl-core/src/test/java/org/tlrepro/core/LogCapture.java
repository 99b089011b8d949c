package org.tlrepro.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What tl logs while it is open: slf4j-simple, the tests' logger, writes to whatever {@code System.err} is at the
 * time, so the warnings a repair must give can be asserted. Tests run one at a time in a module (surefire's
 * default), so swapping the stream is safe.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Everything logged so far. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The lines logged at WARN so far. */
    public java.util.List<String> warnings() {
        return text().lines().filter(l -> l.contains("WARN")).toList();
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
