package org.tlrepro.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

import org.tlrepro.core.TlException;

/**
 * The allowed values of the numeric {@code tl.*} properties, checked at the start of every goal, so that a bad
 * value fails the build before any work (not after prepare and cluster have run, as when only {@code tl:train}
 * read it) and with the property, the value and the range named.
 */
public final class SettingRanges {

    /** One property's range, in words and as a test. */
    private record Range(String property, boolean integer, String allowed, DoublePredicate test) {
    }

    private static final List<Range> RANGES = List.of(
            new Range("tl.epochs", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.batchSize", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.runs", true, "an integer of at least 0", v -> v >= 0),
            new Range("tl.table3.runs", true, "an integer of at least 0", v -> v >= 0),
            new Range("tl.table3.combinations", true, "an integer of at least 1", v -> v >= 1),
            // the paper's CNN: two 3x3 convolutions, a 2x2 pool, a 3x3 convolution and a pool leave 1x1 at 12
            new Range("tl.imageSize", true, "an integer of at least 12 (the paper's CNN needs 12x12 inputs)",
                    v -> v >= 12),
            // the embedding network's own input: any size the model takes (ResNet50: 32 or more)
            new Range("tl.inputSize", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.embedBatch", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.jobs", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.threads", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.perClass", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.downloadTimeout", true, "an integer of at least 1 (seconds)", v -> v >= 1),
            new Range("tl.downloadMaxBytes", true, "an integer of at least 1 (bytes)", v -> v >= 1),
            new Range("tl.trainFraction", false, "a number between 0 and 1, both excluded (the paper: 0.7)",
                    v -> v > 0 && v < 1),
            // Keras 2.2.4's RMSprop: "lr: float >= 0"; 0 trains nothing, which the baseline IT uses as a regression
            new Range("tl.learningRate", false, "a number of at least 0 (the paper: 0.0001)", v -> v >= 0),
            new Range("tl.rho", false, "a number from 0 to 1, 1 excluded (Keras: 0.9)", v -> v >= 0 && v < 1),
            new Range("tl.epsilon", false, "a number above 0 (Keras 2.2.4: 1e-7)", v -> v > 0),
            new Range("tl.baseline.alpha", false, "a number between 0 and 1, both excluded", v -> v > 0 && v < 1));

    private SettingRanges() {
    }

    /**
     * @param settings the {@code tl.*} properties in effect, by name (others are ignored)
     * @throws TlException listing every property whose value is out of range or not a number
     */
    public static void check(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        for (Range r : RANGES) {
            String text = settings.get(r.property());
            if (text == null || text.isBlank()) {
                continue;
            }
            String value = text.trim();
            double v;
            try {
                v = r.integer() ? Long.parseLong(value) : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                problems.add(String.format(Locale.ROOT, "%s=%s is not %s", r.property(), value,
                        r.integer() ? "an integer" : "a number"));
                continue;
            }
            if (!Double.isFinite(v) || !r.test().test(v)) {
                problems.add(r.property() + "=" + value + " is out of range: it must be " + r.allowed());
            }
        }
        if (!problems.isEmpty()) {
            throw new TlException(String.join("; ", problems) + ". Fix the property in the POM or on the command line "
                    + "(-D...); nothing was computed");
        }
    }
}
