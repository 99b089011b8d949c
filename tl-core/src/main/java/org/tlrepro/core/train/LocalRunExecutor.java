package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.tlrepro.core.TlException;
import org.tlrepro.core.TaskFailures;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;

/** Trains units on a fixed pool of threads in this JVM ({@code tl.jobs}), sharing the native threads among them. */
public final class LocalRunExecutor implements RunExecutor {

    private final int jobs;
    private final int nativeThreads;

    public LocalRunExecutor(int jobs) {
        this(jobs, cores());
    }

    private static int cores() {
        NativeBackend.initialize(); // before the first native call: it configures DL4J's oneDNN helpers
        return NativeThreads.current();
    }

    LocalRunExecutor(int jobs, int cores) {
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
    public int execute(List<TrainingUnit> units, WorkFactory factory, IntConsumer progress,
                       Consumer<RunResult> sink) {
        NativeBackend.initialize(); // loads ND4J's natives, which the workers' first call needs
        UnitWork work = factory.create(progress);
        AtomicInteger started = new AtomicInteger();
        Consumer<RunResult> serialSink = r -> {
            synchronized (sink) {
                sink.accept(r);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (TrainingUnit u : units) {
                futures.add(pool.submit(() -> {
                    NativeThreads.set(nativeThreads);
                    return work.train(u, started.incrementAndGet(), units.size(), serialSink);
                }));
            }
            int trained = 0;
            TaskFailures<TrainingUnit> failures = TrainingUnit.failures(units.size(), "");
            for (int i = 0; i < futures.size(); i++) {
                try {
                    trained += futures.get(i).get();
                } catch (ExecutionException e) {
                    failures.add(units.get(i), e.getCause());
                }
            }
            failures.throwIfAny();
            return trained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlException("training was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
