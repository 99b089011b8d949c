package org.tlrepro.spark;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tlrepro.core.TlException;
import org.tlrepro.core.exec.ExecutorProvider;
import org.tlrepro.core.exec.TaskExecutor;

/**
 * {@code tl.executor=spark}, for training and the embedding: {@code tl.spark.master} (default
 * {@code local[<tl.jobs>,2]}: in this JVM, each task tried twice), {@code tl.spark.conf.<key>} for any Spark
 * property, {@code tl.spark.nativeThreads} per task (default 1), {@code tl.spark.shipJars} (default true: tl's jars
 * go to executors outside this JVM by {@code spark.jars}).
 */
public final class SparkExecutorProvider implements ExecutorProvider {

    static final String CONF = "conf.";

    @Override
    public String name() {
        return "spark";
    }

    /** Default master {@code local[<slots>,2]}: tl.jobs for training, the cores for the embedding. */
    @Override
    public TaskExecutor create(Map<String, String> settings, int slots) {
        return new SparkExecutor(settings(settings, slots));
    }

    static SparkSettings settings(Map<String, String> settings, int slots) {
        String master = settings.getOrDefault("master", "local[" + Math.max(1, slots) + ",2]");
        Map<String, String> conf = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(CONF)) {
                conf.put(k.substring(CONF.length()), v);
            }
        });
        String threads = settings.getOrDefault("nativeThreads", "1");
        int nativeThreads;
        try {
            nativeThreads = Integer.parseInt(threads.trim());
        } catch (NumberFormatException e) {
            nativeThreads = 0;
        }
        if (nativeThreads < 1) {
            throw new TlException("tl.spark.nativeThreads=" + threads + " is not a whole number of at least 1: set "
                    + "it to the cores of an executor divided by its task slots (spark.executor.cores / "
                    + "spark.task.cpus)");
        }
        String ship = settings.getOrDefault("shipJars", "true").trim();
        if (!ship.equals("true") && !ship.equals("false")) {
            throw new TlException("tl.spark.shipJars=" + ship + " is neither true nor false: true ships tl's jars "
                    + "to the executors, false expects them on the executors' class path");
        }
        return new SparkSettings(master, conf, nativeThreads, Boolean.parseBoolean(ship));
    }
}
