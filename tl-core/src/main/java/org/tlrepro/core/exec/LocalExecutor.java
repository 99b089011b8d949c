package org.tlrepro.core.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

import org.tlrepro.core.TlException;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;

/**
 * Runs tasks on a fixed pool of threads in this JVM ({@code tl.jobs} for training, one for the embedding), sharing
 * the native threads among them.
 */
public final class LocalExecutor implements TaskExecutor {

    private final int jobs;
    private final int nativeThreads;

    public LocalExecutor(int jobs) {
        this(jobs, cores());
    }

    private static int cores() {
        NativeBackend.initialize(); // before the first native call: it configures DL4J's oneDNN helpers
        return NativeThreads.current();
    }

    public LocalExecutor(int jobs, int cores) {
        this.jobs = Math.max(1, jobs);
        // OpenMP keeps its thread count per thread: the workers share the caller's instead of each taking all cores
        this.nativeThreads = Math.max(1, cores / this.jobs);
    }

    @Override
    public String describe() {
        return jobs + " local job" + (jobs == 1 ? "" : "s") + " x " + nativeThreads + " native thread"
                + (nativeThreads == 1 ? "" : "s");
    }

    @Override
    public <T, R> void execute(Job<T, R> job, List<T> tasks, IntConsumer progress, BiConsumer<T, R> sink) {
        NativeBackend.initialize(); // loads ND4J's natives, which the workers' first call needs
        Workers<T, R> workers = new Workers<>(job, job.sharedFile(), progress);
        if (job.threadSafe() || jobs == 1) {
            workers.buildOne();
        }
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (T task : tasks) {
                futures.add(pool.submit(() -> {
                    NativeThreads.set(nativeThreads);
                    workers.get().run(task, started.incrementAndGet(), tasks.size(), r -> {
                        synchronized (sink) {
                            sink.accept(task, r);
                        }
                    });
                }));
            }
            TaskFailures<T> failures = job.failures(tasks.size(), "");
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    failures.add(tasks.get(i), e.getCause());
                }
            }
            failures.throwIfAny();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlException("the work of " + job.tasks() + " was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
