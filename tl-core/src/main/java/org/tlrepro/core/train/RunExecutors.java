package org.tlrepro.core.train;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.tlrepro.core.TlException;
import org.tlrepro.core.embed.EmbeddingExecutor;
import org.tlrepro.core.embed.LocalEmbeddingExecutor;

/** Chooses the executor that {@code tl.executor} names. */
public final class RunExecutors {

    public static final String LOCAL = "local";

    private RunExecutors() {
    }

    public static RunExecutor create(String name, Map<String, String> settings, int jobs, ClassLoader loader) {
        if (isLocal(name)) {
            return new LocalRunExecutor(jobs);
        }
        return provider(name, loader).create(settings, jobs);
    }

    /** The embedding's executor that {@code tl.executor} names. */
    public static EmbeddingExecutor createEmbedding(String name, Map<String, String> settings, ClassLoader loader) {
        return isLocal(name) ? new LocalEmbeddingExecutor() : provider(name, loader).createEmbedding(settings);
    }

    /**
     * Checks, before any work, that {@code tl.executor} names an executor on the class path.
     *
     * @throws TlException naming the executors there are, and how to add Spark's
     */
    public static void requireAvailable(String name, ClassLoader loader) {
        if (!isLocal(name)) {
            provider(name.trim(), loader);
        }
    }

    private static boolean isLocal(String name) {
        return name == null || name.isBlank() || name.equals(LOCAL);
    }

    private static RunExecutorProvider provider(String name, ClassLoader loader) {
        List<RunExecutorProvider> found = ServiceLoader.load(RunExecutorProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new TlException("tl.executor=" + name + " is not available: the executors on the "
                        + "class path are " + (found.isEmpty() ? "local only" : "local, "
                        + String.join(", ", found.stream().map(RunExecutorProvider::name).toList()))
                        + (name.equals("spark") ? "; add org.tlrepro:tl-spark as a <dependency> of tl-maven-plugin "
                        + "(the reproduction's -Pspark profile does)" : "")));
    }
}
