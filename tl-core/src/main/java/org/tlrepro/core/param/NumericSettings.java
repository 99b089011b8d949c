package org.tlrepro.core.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;

import org.tlrepro.core.TlException;

/**
 * The allowed values of the numeric {@code tl.*} properties, declared once: the first goal of a build checks the
 * properties as written ({@code SettingRanges}), and the requests and the protocol check the values they are given
 * ({@link #require}), with the same words.
 */
public final class NumericSettings {

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
            // above: memory grows with the square (10,000 images at 1,024 hold 31 GB as bytes); the cells are about
            // 130 pixels across, the paper uses 50
            new Range("tl.imageSize", true, "an integer from 12 (the paper's CNN needs 12x12 inputs) to 1024 "
                    + "(memory grows with its square; the paper: 50)", v -> v >= 12 && v <= 1024),
            // the embedding network's own input: any size the model takes (ResNet50: 32 or more); ImageNet networks
            // are trained at 224 to 331
            new Range("tl.inputSize", true, "an integer from 1 to 1024 (memory grows with its square; ResNet50: "
                    + "224, Inception V3: 299)", v -> v >= 1 && v <= 1024),
            new Range("tl.embedBatch", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.jobs", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.threads", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.perClass", true, "an integer of at least 1", v -> v >= 1),
            new Range("tl.downloadTimeout", true, "an integer of at least 1 (seconds)", v -> v >= 1),
            new Range("tl.downloadMaxBytes", true, "an integer of at least 1 (bytes)", v -> v >= 1),
            // a bound, not "forever": a year is more than any stage takes, and keeps the wait within a long of nanos
            new Range("tl.lockWait", true, "an integer from 1 to 525600 (minutes; a year)", v -> v >= 1
                    && v <= 525_600),
            new Range("tl.trainFraction", false, "a number between 0 and 1, both excluded (the paper: 0.7)",
                    v -> v > 0 && v < 1),
            // Keras 2.2.4's RMSprop: "lr: float >= 0"; 0 trains nothing, which the baseline IT uses as a regression
            new Range("tl.learningRate", false, "a number of at least 0 (the paper: 0.0001)", v -> v >= 0),
            new Range("tl.rho", false, "a number from 0 to 1, 1 excluded (Keras: 0.9)", v -> v >= 0 && v < 1),
            new Range("tl.epsilon", false, "a number above 0 (Keras 2.2.4: 1e-7)", v -> v > 0),
            new Range("tl.baseline.alpha", false, "a number between 0 and 1, both excluded", v -> v > 0 && v < 1));

    private NumericSettings() {
    }

    /**
     * @param settings the {@code tl.*} properties as written, by name (others, and unset ones, are ignored)
     * @return each property that is not a number or out of range, in words
     */
    public static List<String> problems(Map<String, String> settings) {
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
            problem(r, v, value).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * A value given to tl-core (the goals have checked the property already; this guards other callers).
     *
     * @throws TlException naming the property, the value and what is allowed, as the goals' check does
     */
    public static void require(String property, double value) {
        Range r = RANGES.stream().filter(x -> x.property().equals(property)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no range is declared for " + property));
        String text = r.integer() && value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        problem(r, value, text).ifPresent(p -> {
            throw new TlException(p);
        });
    }

    private static Optional<String> problem(Range r, double v, String value) {
        return Double.isFinite(v) && r.test().test(v) ? Optional.empty()
                : Optional.of(r.property() + "=" + value + " is out of range: it must be " + r.allowed());
    }
}
