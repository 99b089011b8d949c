package org.tlrepro.core.exec;

import java.util.function.IntConsumer;

/**
 * A job's workers in one JVM: one for every thread, or one per thread for a worker that is not thread-safe (a DL4J
 * graph). Built when first asked for.
 */
public final class Workers<T, R> {

    private final Job<T, R> job;
    private final String sharedFile;
    private final IntConsumer progress;
    private final ThreadLocal<Job.Worker<T, R>> perThread;
    private Job.Worker<T, R> shared;

    /**
     * @param sharedFile where the job's shared file is in this JVM
     */
    public Workers(Job<T, R> job, String sharedFile, IntConsumer progress) {
        this.job = job;
        this.sharedFile = sharedFile;
        this.progress = progress;
        this.perThread = job.threadSafe() ? null : ThreadLocal.withInitial(this::build);
    }

    /**
     * Builds the one worker of every thread now, in this thread, so that a failure to load is the call's error; for
     * a thread-safe job, or threads that take turns (a single local job).
     */
    synchronized Workers<T, R> buildOne() {
        shared = build();
        return this;
    }

    public synchronized Job.Worker<T, R> get() {
        if (shared == null && perThread != null) {
            return perThread.get();
        }
        if (shared == null) {
            shared = build();
        }
        return shared;
    }

    private Job.Worker<T, R> build() {
        return job.worker(sharedFile, progress);
    }
}
