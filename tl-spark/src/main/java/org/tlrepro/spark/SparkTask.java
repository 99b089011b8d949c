package org.tlrepro.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkFiles;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;
import org.tlrepro.core.exec.Job;
import org.tlrepro.core.exec.Workers;

/**
 * What a Spark task runs: one task of a job, with the job's workers built once per executor JVM (once per thread
 * where a worker is not thread-safe) and shared by its tasks; the shared file from the copy Spark shipped
 * ({@code addFile}) or, in this JVM, the file itself.
 *
 * @param index the task's place, from 1, for the log
 */
record SparkTask<T, R>(Job<T, R> job, int nativeThreads, boolean shipped, int index, int total)
        implements Serializable {

    // in local mode this is the driver's JVM
    private static final Map<Job<?, ?>, Workers<?, ?>> WORKERS = new ConcurrentHashMap<>();

    /** Drops this JVM's workers of {@code job}: in local mode the driver's JVM would otherwise keep them. */
    static void forget(Job<?, ?> job) {
        WORKERS.remove(job);
    }

    @SuppressWarnings("unchecked")
    ArrayList<R> call(T task) {
        NativeBackend.initialize();
        NativeThreads.set(nativeThreads);
        Workers<T, R> workers = (Workers<T, R>) WORKERS.computeIfAbsent(job, j -> new Workers<>(job,
                shipped ? SparkFiles.get(Path.of(job.sharedFile()).getFileName().toString()) : job.sharedFile(),
                images -> { }));
        ArrayList<R> results = new ArrayList<>();
        workers.get().run(task, index, total, results::add);
        return results;
    }
}
