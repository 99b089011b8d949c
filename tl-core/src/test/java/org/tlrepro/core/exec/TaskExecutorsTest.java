package org.tlrepro.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class TaskExecutorsTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void localIsTheDefault() {
        assertInstanceOf(LocalExecutor.class, TaskExecutors.forTraining("local", Map.of(), 2, loader));
        assertInstanceOf(LocalExecutor.class, TaskExecutors.forTraining("", Map.of(), 2, loader));
        assertTrue(TaskExecutors.forEmbedding(null, Map.of(), loader).describe().startsWith("1 local job x "),
                "the embedding: one job with every core");
    }

    @Test
    void sparkWithoutTheModuleSaysWhatToAdd() {
        TlException e = assertThrows(TlException.class, () -> TaskExecutors.forTraining("spark", Map.of(), 2, loader));
        assertTrue(e.getMessage().contains("tl.executor=spark is not available"), e.getMessage());
        assertTrue(e.getMessage().contains("org.tlrepro:tl-spark"), e.getMessage());
        assertEquals(e.getMessage(), assertThrows(TlException.class,
                () -> TaskExecutors.forEmbedding("spark", Map.of(), loader)).getMessage());
    }
}
