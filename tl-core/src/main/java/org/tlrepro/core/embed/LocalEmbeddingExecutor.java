package org.tlrepro.core.embed;

import java.util.List;
import java.util.function.Consumer;

/** Embeds the batches one after another in this JVM, with all its native threads. */
public final class LocalEmbeddingExecutor implements EmbeddingExecutor {

    @Override
    public String describe() {
        return "this JVM";
    }

    @Override
    public void execute(List<ImageBatch> batches, EmbedderFactory factory, Consumer<EmbeddedBatch> sink) {
        BatchEmbedder embedder = factory.create(factory.modelFile());
        for (ImageBatch b : batches) {
            sink.accept(new EmbeddedBatch(b, embedder.embed(b)));
        }
    }
}
