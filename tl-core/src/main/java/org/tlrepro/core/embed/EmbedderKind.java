package org.tlrepro.core.embed;

import java.util.Locale;

import org.tlrepro.core.param.Choices;

/**
 * What runs the embedding network's forward pass ({@code tl.embedder}): oneDNN called directly, one layout end to
 * end, checked against Deeplearning4j on a probe batch before use (a graph it cannot run falls back to
 * Deeplearning4j, saying so); or Deeplearning4j's own layers.
 */
public enum EmbedderKind {
    ONEDNN,
    DL4J;

    /** The system property {@code tl.embedder} (which Maven's -D sets for tests too), else oneDNN. */
    public static EmbedderKind fromSystemProperty() {
        return parse(System.getProperty("tl.embedder", "onednn"));
    }

    public static EmbedderKind parse(String value) {
        return Choices.parse(EmbedderKind.class, value, "tl.embedder",
                "onednn (oneDNN called directly, the default) or dl4j (Deeplearning4j's layers)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
