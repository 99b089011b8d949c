package org.tlrepro.core.exec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class TaskFailuresTest {

    private static TaskFailures<String> batches() {
        return new TaskFailures<>(5, "embedding batches", " on Spark after their retries",
                "the others are in the cache", s -> "batch " + s);
    }

    @Test
    void noFailureThrowsNothing() {
        assertDoesNotThrow(() -> batches().throwIfAny());
    }

    @Test
    void aSingleTlExceptionKeepsItsOwnMessage() {
        TaskFailures<String> f = batches();
        TlException cause = new TlException("the model file changed");
        f.add("a", cause);
        assertSame(cause, assertThrows(TlException.class, f::throwIfAny));
    }

    @Test
    void severalFailuresAreOneErrorNamingEach() {
        TaskFailures<String> f = batches();
        IllegalStateException first = new IllegalStateException("out of memory in oneDNN");
        f.add("a", first);
        f.add("c", new RuntimeException("lost executor"));
        TlException e = assertThrows(TlException.class, f::throwIfAny);
        assertEquals("2 of 5 embedding batches failed on Spark after their retries (the others are in the cache): "
                + "batch a: java.lang.IllegalStateException: out of memory in oneDNN; batch c: "
                + "java.lang.RuntimeException: lost executor", e.getMessage());
        assertSame(first, e.getCause());
    }
}
