package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class LocalRunExecutorTest {

    private static List<TrainingUnit> units(int n) {
        return ExecutorFixtures.units(n, List.of(1, 2));
    }

    private static RunResult result(TrainingUnit u, int scheme) {
        return ExecutorFixtures.result(u, scheme, "test");
    }

    @Test
    void everyResultReachesTheSinkOnce() {
        List<RunResult> sunk = new ArrayList<>();
        int trained = new LocalRunExecutor(2, 2).execute(units(5), progress -> (u, index, total, sink) -> {
            sink.accept(result(u, 1));
            sink.accept(result(u, 2));
            return 2;
        }, n -> { }, sunk::add);
        assertEquals(10, trained);
        assertEquals(10, sunk.size());
        assertEquals(10, sunk.stream().map(RunResult::fingerprint).distinct().count());
    }

    @Test
    void aFailedUnitDoesNotLoseTheOthers() {
        List<RunResult> sunk = new ArrayList<>();
        TlException e = assertThrows(TlException.class, () -> new LocalRunExecutor(2, 2).execute(units(4), progress ->
                (u, index, total, sink) -> {
                    if (u.run() == 2 || u.run() == 3) {
                        throw new IllegalStateException("boom " + u.run());
                    }
                    sink.accept(result(u, 1));
                    return 1;
                }, n -> { }, sunk::add));
        assertEquals(2, sunk.size(), "runs 1 and 4 are kept");
        assertTrue(e.getMessage().contains("2 of 4 training units failed"), e.getMessage());
        assertTrue(e.getMessage().contains("table2 run 2: java.lang.IllegalStateException: boom 2"), e.getMessage());
        assertTrue(e.getMessage().contains("table2 run 3"), e.getMessage());
    }

    @Test
    void aSingleTlExceptionKeepsItsOwnMessage() {
        TlException e = assertThrows(TlException.class, () -> new LocalRunExecutor(1, 2).execute(units(1), progress ->
                (u, index, total, sink) -> {
                    throw new TlException("the prepared images changed: run tl:prepare");
                }, n -> { }, r -> { }));
        assertEquals("the prepared images changed: run tl:prepare", e.getMessage());
    }

    @Test
    void nativeThreadsAreSharedAmongJobs() {
        assertEquals("2 local jobs x 1 native thread", new LocalRunExecutor(2, 2).describe());
        assertEquals("1 local job x 2 native threads", new LocalRunExecutor(1, 2).describe());
        assertEquals("4 local jobs x 1 native thread", new LocalRunExecutor(4, 2).describe());
    }
}
