package org.tlrepro.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;

/**
 * One stage's Spark application: its {@code tl.spark.*} configuration, tl's jars shipped to executors outside this
 * JVM, the executors' native threads matched to this JVM's, and each item of work run as a one-task job whose
 * result this JVM (the driver) receives as soon as the job ends. All jobs are submitted at once, so the cluster's
 * scheduler fills its slots; Spark retries a failed task ({@code spark.task.maxFailures}, {@code local[N,F]}).
 */
final class SparkJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkJobs.class);
    static final String OMP_THREADS = "spark.executorEnv.OMP_NUM_THREADS";

    /** An item that failed on every attempt, with the reason. */
    record Failure<T>(T item, Throwable cause) {
    }

    private final JavaSparkContext sc;
    private final Path scratch;

    private SparkJobs(JavaSparkContext sc, Path scratch) {
        this.sc = sc;
        this.scratch = scratch;
    }

    static SparkJobs start(SparkSettings settings, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName).setMaster(settings.master())
                .set("spark.ui.enabled", "false");
        settings.conf().forEach(conf::set);
        matchNativeThreads(conf);
        Path scratch = settings.shipJars() && !settings.inThisJvm() ? ship(conf) : null;
        try {
            return new SparkJobs(new JavaSparkContext(conf), scratch);
        } catch (RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
    }

    JavaSparkContext context() {
        return sc;
    }

    /**
     * Runs {@code taskFor(i)} on item i, each a one-task job, and hands each result to {@code onResult} in this
     * thread in the order the jobs end; returns the items that failed for good, after all jobs have ended.
     */
    <T, R> List<Failure<T>> runEach(List<T> items, IntFunction<Function<T, R>> taskFor, BiConsumer<T, R> onResult) {
        List<JavaFutureAction<List<R>>> jobs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            jobs.add(sc.parallelize(List.of(items.get(i)), 1).map(taskFor.apply(i)).collectAsync());
        }
        boolean[] seen = new boolean[jobs.size()];
        int remaining = jobs.size();
        List<Failure<T>> failures = new ArrayList<>();
        try {
            while (remaining > 0) {
                for (int i = 0; i < jobs.size(); i++) {
                    if (seen[i]) {
                        continue;
                    }
                    try {
                        R result = jobs.get(i).get(100, TimeUnit.MILLISECONDS).get(0);
                        onResult.accept(items.get(i), result);
                    } catch (TimeoutException e) {
                        continue;
                    } catch (ExecutionException e) {
                        failures.add(new Failure<>(items.get(i), explain(rootCause(e))));
                    }
                    seen[i] = true;
                    remaining--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.forEach(j -> j.cancel(true));
            throw new TlException("the work on Spark was interrupted", e);
        }
        return failures;
    }

    @Override
    public void close() {
        try {
            sc.close();
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * The results depend on the process-wide native thread count (OpenBLAS's and ND4J's pools), not only on each
     * task's OpenMP threads: executors get this JVM's count (Spark sets OMP_NUM_THREADS for them, to 1 here),
     * so that they compute what the local executor computes here, bit for bit. A user's own setting wins.
     */
    static void matchNativeThreads(SparkConf conf) {
        if (!conf.contains(OMP_THREADS)) {
            NativeBackend.initialize();
            int threads = NativeThreads.current();
            conf.set(OMP_THREADS, String.valueOf(threads));
            LOG.info("Executors' process-wide native threads: {}, as in this JVM (the results depend on it; set "
                    + "tl.spark.conf.{} to change it)", threads, OMP_THREADS);
        }
    }

    // spark.jars: ours first, then any the user gave
    private static Path ship(SparkConf conf) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("tl-spark-jars");
        } catch (IOException e) {
            throw new TlException("cannot create a temporary folder for the Spark job's jars: " + e.getMessage(), e);
        }
        List<Path> jars = JobJars.find(SparkJobs.class.getClassLoader(), scratch);
        long bytes = 0;
        List<String> uris = new ArrayList<>();
        for (Path j : jars) {
            bytes += j.toFile().length();
            uris.add(j.toUri().toString());
        }
        String user = conf.get("spark.jars", "");
        if (!user.isBlank()) {
            uris.add(user);
        }
        conf.set("spark.jars", String.join(",", uris));
        LOG.info("Shipping {} jars ({} MB: tl, DL4J, ND4J and their natives) to the Spark executors; set "
                + "tl.spark.shipJars=false if the cluster has them", jars.size(), bytes / 1_000_000);
        return scratch;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }

    // a class missing on the executors is a set-up error with a known fix
    private static Throwable explain(Throwable t) {
        if (t instanceof ClassNotFoundException || t instanceof NoClassDefFoundError) {
            return new TlException(t + " on the executors: they lack tl's jars; leave tl.spark.shipJars=true (ships "
                    + "them with the job) or put tl-core, tl-spark and their dependencies on "
                    + "tl.spark.conf.spark.executor.extraClassPath", t);
        }
        return t;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
