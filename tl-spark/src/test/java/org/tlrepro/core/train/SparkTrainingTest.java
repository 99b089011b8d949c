package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.exec.Job;
import org.tlrepro.core.exec.LocalExecutor;
import org.tlrepro.spark.SparkExecutor;

/**
 * The Spark executor in {@code local} mode (tasks on threads of this JVM): the same ledger records as the local
 * executor, a failed task retried, and a unit that fails for good reported without losing the others.
 */
class SparkTrainingTest {

    @TempDir
    Path dir;

    @Test
    void trainsTheSameRecordsAsTheLocalExecutor() throws Exception {
        // one native thread per unit on both sides: the same operations in the same order
        TrainStage.Result expected = ExecutorFixtures.train(dir.resolve("local"), new LocalExecutor(2, 2));
        TrainStage.Result actual = ExecutorFixtures.train(dir.resolve("spark"),
                new SparkExecutor("local[2]", Map.of(), 1));
        assertEquals(TrainStageTest.ALL, actual.trained());
        List<RunResult> a = ExecutorFixtures.sorted(expected.runs());
        List<RunResult> b = ExecutorFixtures.sorted(actual.runs());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            TrainStageTest.assertSameOutcome(a.get(i), b.get(i));
        }
        // and the driver's ledger holds them: a second call trains nothing
        TrainStage.Result again = new TrainStage().run(TrainStageTest.request(dir.resolve("spark"),
                TrainStageTest.PROTOCOL, false),
                new SparkExecutor("local[2]", Map.of(), 1));
        assertEquals(0, again.trained());
    }

    // ---- failures, with a stand-in for training ------------------------------------------------------------

    /** Attempts per unit, across the tasks of one test (local mode: the same JVM). */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    /** Fails the first {@code failures} attempts of run {@code failingRun}; every other unit gives one result. */
    record Flaky(String test, int failingRun, int failures) implements ExecutorFixtures.StandIn {
        @Override
        public Job.Worker<TrainingUnit, RunResult> worker(String sharedFile, java.util.function.IntConsumer progress) {
            return (u, index, total, sink) -> {
                int attempt = ATTEMPTS.computeIfAbsent(test + u.run(), k -> new AtomicInteger()).incrementAndGet();
                if (u.run() == failingRun && attempt <= failures) {
                    throw new IllegalStateException("injected failure of run " + u.run() + ", attempt " + attempt);
                }
                sink.accept(ExecutorFixtures.result(u, 1, "test"));
            };
        }
    }

    private static List<TrainingUnit> units(int n) {
        return ExecutorFixtures.units(n, List.of(1));
    }

    @Test
    void retriesAFailedTask() {
        List<RunResult> sunk = new ArrayList<>();
        new SparkExecutor("local[2,2]", Map.of(), 1)
                .execute(new Flaky("retry", 2, 1), units(3), n -> { }, (u, r) -> sunk.add(r));
        assertEquals(3, sunk.size());
        assertEquals(2, ATTEMPTS.get("retry2").get(), "run 2 was tried twice");
    }

    @Test
    void aUnitThatFailsForGoodDoesNotLoseTheOthers() {
        List<RunResult> sunk = new ArrayList<>();
        TlException e = assertThrows(TlException.class, () -> new SparkExecutor("local[2,2]", Map.of(), 1)
                .execute(new Flaky("forGood", 2, 99), units(3), n -> { }, (u, r) -> sunk.add(r)));
        assertEquals(List.of(1, 3), sunk.stream().map(RunResult::run).sorted().toList());
        assertTrue(e.getMessage().contains("1 of 3 training units failed on Spark"), e.getMessage());
        assertTrue(e.getMessage().contains("table2 run 2: java.lang.IllegalStateException: injected failure"),
                e.getMessage());
        assertEquals(2, ATTEMPTS.get("forGood2").get(), "local[2,2] tries a task twice");
    }
}
