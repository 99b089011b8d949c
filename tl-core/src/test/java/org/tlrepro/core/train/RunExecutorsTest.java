package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class RunExecutorsTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void localIsTheDefault() {
        assertInstanceOf(LocalRunExecutor.class, RunExecutors.create("local", Map.of(), 2, loader));
        assertInstanceOf(LocalRunExecutor.class, RunExecutors.create("", Map.of(), 2, loader));
    }

    @Test
    void sparkWithoutTheModuleSaysWhatToAdd() {
        TlException e = assertThrows(TlException.class, () -> RunExecutors.create("spark", Map.of(), 2, loader));
        assertTrue(e.getMessage().contains("tl.executor=spark is not available"), e.getMessage());
        assertTrue(e.getMessage().contains("org.tlrepro:tl-spark"), e.getMessage());
    }
}
