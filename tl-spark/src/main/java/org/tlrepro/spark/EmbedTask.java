package org.tlrepro.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkFiles;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;
import org.tlrepro.core.embed.EmbeddingExecutor;
import org.tlrepro.core.embed.ImageBatch;

/**
 * What a Spark task runs to embed one batch: the model loaded once per executor thread (a DL4J graph is not safe
 * for two threads at once) from the copy Spark shipped ({@code addFile}) or, in this JVM, from the file itself.
 */
record EmbedTask(EmbeddingExecutor.EmbedderFactory factory, int nativeThreads, boolean shipped)
        implements Serializable {

    private static final Map<EmbeddingExecutor.EmbedderFactory, ThreadLocal<EmbeddingExecutor.BatchEmbedder>>
            EMBEDDERS = new ConcurrentHashMap<>();

    /** Drops this JVM's loaded models for {@code factory}: in local mode the driver's JVM would otherwise keep them. */
    static void forget(EmbeddingExecutor.EmbedderFactory factory) {
        EMBEDDERS.remove(factory);
    }

    float[][] call(ImageBatch batch) {
        NativeBackend.initialize();
        NativeThreads.set(nativeThreads);
        ThreadLocal<EmbeddingExecutor.BatchEmbedder> local = EMBEDDERS.computeIfAbsent(factory, f ->
                ThreadLocal.withInitial(() -> f.create(shipped
                        ? SparkFiles.get(Path.of(f.modelFile()).getFileName().toString()) : f.modelFile())));
        return local.get().embed(batch);
    }
}
