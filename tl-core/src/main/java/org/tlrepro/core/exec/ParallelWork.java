package org.tlrepro.core.exec;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.tlrepro.core.TlException;
import org.tlrepro.core.progress.Progress;

/**
 * Short tasks over the images of one goal (hashing, decoding, resizing) on a pool of {@code tl.threads} threads,
 * with progress in the log: one place for the pool's interrupt and failure handling. The body handles its items'
 * own failures; what escapes it fails the call.
 */
public final class ParallelWork {

    private ParallelWork() {
    }

    /**
     * Runs {@code body} on 0 .. {@code count - 1} and tells {@code progress} after each.
     *
     * @param what the work, for messages, e.g. "image preparation"
     * @return how many were done
     * @throws OutOfMemoryError as thrown, so that the goal names the settings that ask for memory
     */
    public static long forEach(int count, int threads, Progress progress, String what, IntConsumer body) {
        AtomicLong done = new AtomicLong();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> {
                body.accept(i);
                long n = done.incrementAndGet();
                synchronized (progress) {
                    progress.update(n);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw new TlException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return done.get();
    }
}
