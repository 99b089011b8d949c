package org.tlrepro.core.exec;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.tlrepro.core.TlException;

/** Chooses the executor that {@code tl.executor} names. */
public final class TaskExecutors {

    public static final String LOCAL = "local";

    private TaskExecutors() {
    }

    /** Training's executor: locally {@code jobs} threads sharing the cores. */
    public static TaskExecutor forTraining(String name, Map<String, String> settings, int jobs, ClassLoader loader) {
        return isLocal(name) ? new LocalExecutor(jobs) : provider(name, loader).create(settings, jobs);
    }

    /** The embedding's executor: locally one thread with every core (oneDNN parallelises each batch). */
    public static TaskExecutor forEmbedding(String name, Map<String, String> settings, ClassLoader loader) {
        return isLocal(name) ? new LocalExecutor(1)
                : provider(name, loader).create(settings, Runtime.getRuntime().availableProcessors());
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

    private static ExecutorProvider provider(String name, ClassLoader loader) {
        List<ExecutorProvider> found = ServiceLoader.load(ExecutorProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new TlException("tl.executor=" + name + " is not available: the executors on the "
                        + "class path are " + (found.isEmpty() ? "local only" : "local, "
                        + String.join(", ", found.stream().map(ExecutorProvider::name).toList()))
                        + (name.equals("spark") ? "; add org.tlrepro:tl-spark as a <dependency> of tl-maven-plugin "
                        + "(the reproduction's -Pspark profile does)" : "")));
    }
}
