package org.tlrepro.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.train.RunExecutor;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainingUnit;
import org.tlrepro.core.train.UnitFailures;

/**
 * Runs each training unit as a one-task Spark job, all submitted at once, so the cluster's scheduler fills its
 * slots; the results of a unit come back to this JVM (the driver), which alone writes the ledger, as soon as its job
 * ends. Spark retries a failed task ({@code spark.task.maxFailures}; with {@code local[N]} masters write
 * {@code local[N,F]}); a unit that fails for good is reported after the others have finished.
 */
public final class SparkRunExecutor implements RunExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SparkRunExecutor.class);

    private final String master;
    private final Map<String, String> conf;
    private final int nativeThreads;

    /**
     * @param master        Spark master URL, e.g. {@code spark://host:7077} or {@code local[2,2]}
     * @param conf          Spark properties ({@code tl.spark.conf.<key>})
     * @param nativeThreads native (OpenMP) threads of each task
     */
    public SparkRunExecutor(String master, Map<String, String> conf, int nativeThreads) {
        this.master = master;
        this.conf = new LinkedHashMap<>(conf);
        this.nativeThreads = Math.max(1, nativeThreads);
    }

    @Override
    public String describe() {
        return "Spark " + master + ", " + nativeThreads + " native thread" + (nativeThreads == 1 ? "" : "s")
                + " per task";
    }

    @Override
    public int execute(List<TrainingUnit> units, WorkFactory work, IntConsumer progress, Consumer<RunResult> sink) {
        SparkConf sparkConf = new SparkConf().setAppName("tl train (" + units.size() + " units)").setMaster(master)
                .set("spark.ui.enabled", "false");
        conf.forEach(sparkConf::set);
        try (JavaSparkContext sc = new JavaSparkContext(sparkConf)) {
            List<JavaFutureAction<List<List<RunResult>>>> jobs = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                UnitTask task = new UnitTask(work, nativeThreads, i + 1, units.size());
                jobs.add(sc.parallelize(List.of(units.get(i)), 1).map(task::call).collectAsync());
            }
            return collect(units, jobs, sink);
        } finally {
            UnitTask.forget(work);
        }
    }

    // results are recorded in the order the jobs end, not the order they were submitted in
    private static int collect(List<TrainingUnit> units, List<JavaFutureAction<List<List<RunResult>>>> jobs,
                               Consumer<RunResult> sink) {
        boolean[] seen = new boolean[jobs.size()];
        int remaining = jobs.size();
        int trained = 0;
        UnitFailures failures = new UnitFailures(units.size(), " on Spark after its retries");
        try {
            while (remaining > 0) {
                for (int i = 0; i < jobs.size(); i++) {
                    if (seen[i]) {
                        continue;
                    }
                    try {
                        List<List<RunResult>> out = jobs.get(i).get(100, TimeUnit.MILLISECONDS);
                        for (RunResult r : out.get(0)) {
                            sink.accept(r);
                            trained++;
                        }
                        LOG.info("{}: {} scheme results back from Spark", units.get(i).describe(), out.get(0).size());
                    } catch (TimeoutException e) {
                        continue;
                    } catch (ExecutionException e) {
                        failures.add(units.get(i), rootCause(e));
                    }
                    seen[i] = true;
                    remaining--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.forEach(j -> j.cancel(true));
            throw new TlException("training on Spark was interrupted", e);
        }
        failures.throwIfAny();
        return trained;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
