package org.tlrepro.core.train;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.tlrepro.core.TlException;

/** Chooses the executor that {@code tl.executor} names. */
public final class RunExecutors {

    public static final String LOCAL = "local";

    private RunExecutors() {
    }

    public static RunExecutor create(String name, Map<String, String> settings, int jobs, ClassLoader loader) {
        if (name == null || name.isBlank() || name.equals(LOCAL)) {
            return new LocalRunExecutor(jobs);
        }
        List<RunExecutorProvider> found = ServiceLoader.load(RunExecutorProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(p -> p.name().equals(name)).findFirst()
                .map(p -> p.create(settings, jobs))
                .orElseThrow(() -> new TlException("tl.executor=" + name + " is not available: the executors on the "
                        + "class path are " + (found.isEmpty() ? "local only" : "local, "
                        + String.join(", ", found.stream().map(RunExecutorProvider::name).toList()))
                        + (name.equals("spark") ? "; add org.tlrepro:tl-spark as a <dependency> of tl-maven-plugin "
                        + "(the reproduction's -Pspark profile does)" : "")));
    }
}
