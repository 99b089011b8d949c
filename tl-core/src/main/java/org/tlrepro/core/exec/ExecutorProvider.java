package org.tlrepro.core.exec;

import java.util.Map;

/**
 * Makes a {@link TaskExecutor} other than the local one, found with {@link java.util.ServiceLoader} by
 * {@link #name()} ({@code tl.executor}); the {@code tl-spark} module provides "spark".
 */
public interface ExecutorProvider {

    /** The value of {@code tl.executor} that selects it. */
    String name();

    /**
     * @param settings {@code tl.<name>.*} properties without that prefix, e.g. {@code master} and
     *                 {@code conf.spark.executor.memory} for {@code tl.spark.master} and
     *                 {@code tl.spark.conf.spark.executor.memory}
     * @param slots    tasks to run at once where the executor decides it itself: {@code tl.jobs} for training, the
     *                 cores for the embedding
     */
    TaskExecutor create(Map<String, String> settings, int slots);
}
