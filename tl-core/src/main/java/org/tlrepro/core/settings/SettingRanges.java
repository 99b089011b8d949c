package org.tlrepro.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoublePredicate;

import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.Linkage;
import org.tlrepro.core.cluster.Metric;
import org.tlrepro.core.embed.EmbedderKind;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.train.TrainerKind;

/**
 * The allowed values of the {@code tl.*} properties (the range of each number, the choices of each word), checked at
 * the start of every goal, so that a bad value fails the build before any work (not after prepare and cluster have
 * run, as when only {@code tl:train} or {@code tl:cluster} read it) and with the property, the value and what is
 * allowed named. The choices are parsed by the same code that later uses them.
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
            new Range("tl.trainFraction", false, "a number between 0 and 1, both excluded (the paper: 0.7)",
                    v -> v > 0 && v < 1),
            // Keras 2.2.4's RMSprop: "lr: float >= 0"; 0 trains nothing, which the baseline IT uses as a regression
            new Range("tl.learningRate", false, "a number of at least 0 (the paper: 0.0001)", v -> v >= 0),
            new Range("tl.rho", false, "a number from 0 to 1, 1 excluded (Keras: 0.9)", v -> v >= 0 && v < 1),
            new Range("tl.epsilon", false, "a number above 0 (Keras 2.2.4: 1e-7)", v -> v > 0),
            new Range("tl.baseline.alpha", false, "a number between 0 and 1, both excluded", v -> v > 0 && v < 1));

    /** One property whose value must be one of a set of words: its parser throws a TlException naming them. */
    private record Choice(String property, Consumer<String> parse) {
    }

    private static final List<Choice> CHOICES = List.of(
            new Choice("tl.linkage", Linkage::parse),
            new Choice("tl.metric", Metric::parse),
            new Choice("tl.preprocessing", Preprocessing::parse),
            new Choice("tl.architecture", Architecture::parse),
            new Choice("tl.embedder", EmbedderKind::parse),
            new Choice("tl.trainer", TrainerKind::parse));

    private SettingRanges() {
    }

    /**
     * @param settings the {@code tl.*} properties in effect, by name (others are ignored)
     * @throws TlException listing every property whose value is out of range or not a number
     */
    public static void check(Map<String, String> settings) {
        throwIfAny(problems(settings));
    }

    /**
     * @throws TlException listing the problems, if there are any, with the fix
     */
    public static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new TlException(String.join("; ", problems) + ". Fix the property in the POM or on the command line "
                    + "(-D...); nothing was computed");
        }
    }

    /** Every property whose value is out of range, not a number or not one of its choices, in words. */
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
            if (!Double.isFinite(v) || !r.test().test(v)) {
                problems.add(r.property() + "=" + value + " is out of range: it must be " + r.allowed());
            }
        }
        for (Choice c : CHOICES) {
            String text = settings.get(c.property());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                c.parse().accept(text);
            } catch (TlException e) {
                problems.add(e.getMessage());
            }
        }
        if ("0".equals(trimmed(settings.get("tl.runs"))) && "0".equals(trimmed(settings.get("tl.table3.runs")))) {
            problems.add("tl.runs=0 and tl.table3.runs=0 train nothing, so no goal after tl:cluster could pass: set "
                    + "either above 0 (the paper: 10 and 10)");
        }
        return problems;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
