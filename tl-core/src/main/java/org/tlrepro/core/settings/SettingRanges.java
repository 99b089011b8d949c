package org.tlrepro.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.Linkage;
import org.tlrepro.core.cluster.Metric;
import org.tlrepro.core.embed.EmbedderKind;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.param.NumericSettings;
import org.tlrepro.core.train.TrainerKind;

/**
 * The allowed values of the {@code tl.*} properties (the range of each number, declared in {@link NumericSettings},
 * the choices of each word), checked at
 * the start of every goal, so that a bad value fails the build before any work (not after prepare and cluster have
 * run, as when only {@code tl:train} or {@code tl:cluster} read it) and with the property, the value and what is
 * allowed named. The choices are parsed by the same code that later uses them.
 */
public final class SettingRanges {

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
        List<String> problems = new ArrayList<>(NumericSettings.problems(settings));
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
