package org.tlrepro.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class LocalExecutorTest {

    /** Tasks are numbers; a worker gives each number's two halves ("n.a", "n.b"), or fails as {@code body} says. */
    /** Tasks that are numbers, and their words in messages. */
    interface Numbers extends Job<Integer, String> {
        @Override
        default String tasks() {
            return "numbers";
        }

        @Override
        default String describe(Integer task) {
            return "number " + task;
        }

        @Override
        default String kept() {
            return "the others are kept";
        }
    }

    record Halves(boolean threadSafe, AtomicInteger built, Body body) implements Numbers {

        interface Body extends java.io.Serializable {
            void run(int task);
        }

        Halves(boolean threadSafe, Body body) {
            this(threadSafe, new AtomicInteger(), body);
        }

        @Override
        public Worker<Integer, String> worker(String sharedFile, IntConsumer progress) {
            built.incrementAndGet();
            return (task, index, total, out) -> {
                body.run(task);
                out.accept(task + ".a");
                out.accept(task + ".b");
            };
        }
    }

    private static List<Integer> tasks(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void everyResultReachesTheSinkOnceWithItsTask() {
        List<String> sunk = new ArrayList<>();
        Halves job = new Halves(true, t -> { });
        new LocalExecutor(2, 2).execute(job, tasks(5), n -> { }, (task, r) -> {
            assertTrue(r.startsWith(task + "."), r);
            sunk.add(r);
        });
        assertEquals(10, sunk.size());
        assertEquals(10, Set.copyOf(sunk).size());
        assertEquals(1, job.built().get(), "a thread-safe worker is built once and shared");
    }

    @Test
    void aFailedTaskDoesNotLoseTheOthers() {
        List<String> sunk = new ArrayList<>();
        TlException e = assertThrows(TlException.class, () -> new LocalExecutor(2, 2).execute(new Halves(true, t -> {
            if (t == 2 || t == 3) {
                throw new IllegalStateException("boom " + t);
            }
        }), tasks(4), n -> { }, (task, r) -> sunk.add(r)));
        assertEquals(4, sunk.size(), "numbers 1 and 4 are kept");
        assertTrue(e.getMessage().startsWith("2 of 4 numbers failed (the others are kept): "), e.getMessage());
        assertTrue(e.getMessage().contains("number 2: java.lang.IllegalStateException: boom 2"), e.getMessage());
        assertTrue(e.getMessage().contains("number 3"), e.getMessage());
    }

    @Test
    void aSingleTlExceptionKeepsItsOwnMessage() {
        TlException e = assertThrows(TlException.class, () -> new LocalExecutor(1, 2).execute(new Halves(true, t -> {
            throw new TlException("the prepared images changed: run tl:prepare");
        }), tasks(1), n -> { }, (task, r) -> { }));
        assertEquals("the prepared images changed: run tl:prepare", e.getMessage());
    }

    @Test
    void aWorkerThatIsNotThreadSafeIsBuiltForEachThread() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Map<Integer, String> threads = new ConcurrentHashMap<>();
        Halves job = new Halves(false, t -> {
            threads.put(t, Thread.currentThread().getName());
            bothStarted.countDown();
            try {
                // the first two tasks run at once, so both threads exist and build a worker each
                assertTrue(bothStarted.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        new LocalExecutor(2, 2).execute(job, tasks(6), n -> { }, (task, r) -> { });
        assertEquals(2, Set.copyOf(threads.values()).size());
        assertEquals(2, job.built().get(), "one worker per thread, not per task");

        Halves single = new Halves(false, t -> { });
        new LocalExecutor(1, 2).execute(single, tasks(3), n -> { }, (task, r) -> { });
        assertEquals(1, single.built().get(), "one job: one worker, built before the first task");
    }

    @Test
    void aWorkerThatCannotBeBuiltIsTheCallsOneError() {
        TlException e = assertThrows(TlException.class, () -> new LocalExecutor(2, 2).execute(
                new Unloadable(), tasks(3), n -> { }, (task, r) -> { }));
        assertEquals("the model cannot be loaded", e.getMessage(), "not three task failures");
    }

    record Unloadable() implements Numbers {
        @Override
        public Worker<Integer, String> worker(String sharedFile, IntConsumer progress) {
            throw new TlException("the model cannot be loaded");
        }
    }

    @Test
    void nativeThreadsAreSharedAmongJobs() {
        assertEquals("2 local jobs x 1 native thread", new LocalExecutor(2, 2).describe());
        assertEquals("1 local job x 2 native threads", new LocalExecutor(1, 2).describe());
        assertEquals("4 local jobs x 1 native thread", new LocalExecutor(4, 2).describe());
    }
}
