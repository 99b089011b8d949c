package org.tlrepro.spark;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TaskFailures;
import org.tlrepro.core.train.RunExecutor;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainingUnit;

/**
 * Runs each training unit as a one-task Spark job ({@link SparkJobs}); the results of a unit come back to this JVM
 * (the driver), which alone writes the ledger, as soon as its job ends. A unit that fails for good is reported after
 * the others have finished.
 */
public final class SparkRunExecutor implements RunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SparkRunExecutor.class);

    private final SparkSettings settings;

    /** Ships tl's jars to executors outside this JVM (see {@link #SparkRunExecutor(String, Map, int, boolean)}). */
    public SparkRunExecutor(String master, Map<String, String> conf, int nativeThreads) {
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
    public SparkRunExecutor(String master, Map<String, String> conf, int nativeThreads, boolean shipJars) {
        this(new SparkSettings(master, conf, nativeThreads, shipJars));
    }

    SparkRunExecutor(SparkSettings settings) {
        this.settings = settings;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public int execute(List<TrainingUnit> units, WorkFactory work, IntConsumer progress, Consumer<RunResult> sink) {
        int[] trained = {0};
        TaskFailures<TrainingUnit> failures = TrainingUnit.failures(units.size(), " on Spark after its retries");
        try (SparkJobs jobs = SparkJobs.start(settings, "tl train (" + units.size() + " units)")) {
            jobs.runEach(units, i -> new UnitTask(work, settings.nativeThreads(), i + 1, units.size())::call,
                    (unit, results) -> {
                        results.forEach(sink);
                        trained[0] += results.size();
                        LOG.info("{}: {} scheme results back from Spark", unit.describe(), results.size());
                    }).forEach(f -> failures.add(f.item(), f.cause()));
        } finally {
            UnitTask.forget(work);
        }
        failures.throwIfAny();
        return trained[0];
    }
}
