package org.tlrepro.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.progress.Progress;

class ParallelWorkTest {

    private static Progress progress(int n) {
        return new Progress(LoggerFactory.getLogger(ParallelWorkTest.class), "test", n, "items");
    }

    @Test
    void everyIndexOnce() {
        AtomicIntegerArray seen = new AtomicIntegerArray(1000);
        assertEquals(1000, ParallelWork.forEach(1000, 2, progress(1000), "counting", seen::incrementAndGet));
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "index " + i);
        }
    }

    @Test
    void whatEscapesTheBodyFailsTheCallNamingTheWork() {
        TlException e = assertThrows(TlException.class, () -> ParallelWork.forEach(10, 2, progress(10),
                "image preparation", i -> {
                    if (i == 7) {
                        throw new IllegalStateException("bad " + i);
                    }
                }));
        assertTrue(e.getMessage().startsWith("image preparation failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("bad 7"), e.getMessage());
    }

    @Test
    void runningOutOfMemoryStaysAnOutOfMemoryError() {
        // the goal turns it into a message naming the settings that ask for memory
        assertThrows(OutOfMemoryError.class, () -> ParallelWork.forEach(4, 2, progress(4), "decoding", i -> {
            throw new OutOfMemoryError("Java heap space");
        }));
    }
}
