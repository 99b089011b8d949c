package org.tlrepro.core.train;

import java.util.Map;

import org.tlrepro.core.embed.EmbeddingExecutor;
import org.tlrepro.core.embed.LocalEmbeddingExecutor;

/**
 * Makes a {@link RunExecutor} (and an {@link EmbeddingExecutor}) other than the local one, found with {@link java.util.ServiceLoader} by
 * {@link #name()} ({@code tl.executor}); the {@code tl-spark} module provides "spark".
 */
public interface RunExecutorProvider {

    /** The value of {@code tl.executor} that selects it. */
    String name();

    /**
     * @param settings {@code tl.<name>.*} properties without that prefix, e.g. {@code master} and
     *                 {@code conf.spark.executor.memory} for {@code tl.spark.master} and
     *                 {@code tl.spark.conf.spark.executor.memory}
     * @param jobs     {@code tl.jobs}, for executors that run several units per process
     */
    RunExecutor create(Map<String, String> settings, int jobs);

    /**
     * The executor of the embedding's forward passes ({@code tl:cluster}); one that trains only may leave the
     * embedding in this JVM.
     */
    default EmbeddingExecutor createEmbedding(Map<String, String> settings) {
        return new LocalEmbeddingExecutor();
    }
}
