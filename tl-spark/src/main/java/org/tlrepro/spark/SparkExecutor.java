package org.tlrepro.spark;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.exec.Job;
import org.tlrepro.core.exec.TaskExecutor;
import org.tlrepro.core.exec.TaskFailures;
import org.tlrepro.core.progress.Progress;

/**
 * Runs each task (a training unit, an embedding batch) as a one-task Spark job ({@link SparkJobs}); a task's
 * results come back to this JVM (the driver), which alone writes them, as soon as its job ends. A job's shared file
 * (the embedding model) goes to executors outside this JVM with {@code addFile}, to be checked there against its
 * SHA-256. A task that fails for good is reported after the others have finished.
 */
public final class SparkExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SparkExecutor.class);

    private final SparkSettings settings;

    /** Ships tl's jars to executors outside this JVM (see {@link #SparkExecutor(String, Map, int, boolean)}). */
    public SparkExecutor(String master, Map<String, String> conf, int nativeThreads) {
        this(master, conf, nativeThreads, true);
    }

    /**
     * @param master        Spark master URL, e.g. {@code spark://host:7077} or {@code local[2,2]}
     * @param conf          Spark properties ({@code tl.spark.conf.<key>})
     * @param nativeThreads native (OpenMP) threads of each task
     * @param shipJars      for a master other than {@code local[...]}: add tl-core, tl-spark and their run-time
     *                      dependencies (DL4J, ND4J's natives) to {@code spark.jars}, so the executors need Spark
     *                      only; false when the cluster has tl on its class path already
     */
    public SparkExecutor(String master, Map<String, String> conf, int nativeThreads, boolean shipJars) {
        this(new SparkSettings(master, conf, nativeThreads, shipJars));
    }

    SparkExecutor(SparkSettings settings) {
        this.settings = settings;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public <T, R> void execute(Job<T, R> job, List<T> tasks, IntConsumer progress, BiConsumer<T, R> sink) {
        boolean ship = job.sharedFile() != null && !settings.inThisJvm();
        TaskFailures<T> failures = job.failures(tasks.size(), " on Spark after retries");
        Progress back = new Progress(LOG, "Back from Spark", tasks.size(), job.tasks());
        int[] done = {0};
        try (SparkJobs jobs = SparkJobs.start(settings, "tl " + job.tasks() + " (" + tasks.size() + ")")) {
            if (ship) {
                jobs.context().addFile(job.sharedFile());
            }
            jobs.runEach(tasks, i -> new SparkTask<>(job, settings.nativeThreads(), ship, i + 1, tasks.size())::call,
                    (task, results) -> {
                        results.forEach(r -> sink.accept(task, r));
                        String line = job.returned(task, results.size());
                        if (line != null) {
                            LOG.info("{} from Spark", line);
                        }
                        back.update(++done[0]);
                    }).forEach(f -> failures.add(f.item(), f.cause()));
        } finally {
            SparkTask.forget(job);
        }
        failures.throwIfAny();
    }
}
