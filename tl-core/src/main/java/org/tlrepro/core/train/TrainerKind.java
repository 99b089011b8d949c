package org.tlrepro.core.train;

import java.util.Locale;

import org.tlrepro.core.param.Choices;
import org.tlrepro.core.train.onednn.OneDnnTrainer;

/**
 * Which {@link CnnTrainer} trains the paper's CNN ({@code tl.trainer}): oneDNN called directly (about 3.5x faster on
 * 2 cores), or Deeplearning4j's own layers, the reference it is tested against. Part of every run's fingerprint: the
 * two round floats differently, so their runs are not mixed.
 */
public enum TrainerKind {
    ONEDNN,
    DL4J;

    /** The system property {@code tl.trainer} (which Maven's -D sets for tests too), else oneDNN. */
    public static TrainerKind fromSystemProperty() {
        return parse(System.getProperty("tl.trainer", "onednn"));
    }

    public static TrainerKind parse(String value) {
        return Choices.parse(TrainerKind.class, value, "tl.trainer",
                "onednn (oneDNN called directly, the default) or dl4j (Deeplearning4j's layers, the reference)");
    }

    public CnnTrainer create() {
        return this == ONEDNN ? new OneDnnTrainer() : new Dl4jTrainer();
    }

    /** As {@code tl.trainer} spells it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
