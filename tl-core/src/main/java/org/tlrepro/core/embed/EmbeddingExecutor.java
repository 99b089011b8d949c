package org.tlrepro.core.embed;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the embedding's forward passes run: this JVM ({@link LocalEmbeddingExecutor}) or a cluster (tl-spark). The
 * caller alone writes the embedding cache, as each batch comes back, so a killed build keeps what was done.
 */
public interface EmbeddingExecutor {

    /** For the log, e.g. "this JVM". */
    String describe();

    /**
     * Embeds every batch, handing each result to {@code sink} in this thread as it comes back (in any order).
     *
     * @throws org.tlrepro.core.TlException if a batch fails, after the others are done
     */
    void execute(List<ImageBatch> batches, EmbedderFactory factory, Consumer<EmbeddedBatch> sink);

    /** What makes an embedder where the batches run: serializable, so that a cluster's executors can make one. */
    interface EmbedderFactory extends Serializable {

        /** The model file (an executor elsewhere may be given a copy of it). */
        String modelFile();

        /** Loads the model from {@code modelFile}: this factory's, or a copy that must have the same SHA-256. */
        BatchEmbedder create(String modelFile);
    }

    /** Embeds one batch, one vector per image in its order. */
    interface BatchEmbedder {
        float[][] embed(ImageBatch batch);
    }

    /** One batch's vectors. */
    record EmbeddedBatch(ImageBatch batch, float[][] vectors) implements Serializable {
    }
}
