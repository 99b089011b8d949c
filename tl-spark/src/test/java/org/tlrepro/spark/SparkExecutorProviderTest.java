package org.tlrepro.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.exec.TaskExecutor;
import org.tlrepro.core.exec.TaskExecutors;

class SparkExecutorProviderTest {

    @Test
    void foundByNameWithItsSettings() {
        TaskExecutor e = TaskExecutors.forTraining("spark", Map.of("master", "spark://host:7077", "nativeThreads", "2",
                "conf.spark.task.maxFailures", "3"), 2, getClass().getClassLoader());
        assertInstanceOf(SparkExecutor.class, e);
        assertEquals("Spark spark://host:7077, 2 native threads per task, tl's jars shipped to the executors", e.describe());
    }

    @Test
    void defaultsToLocalModeWithRetries() {
        assertEquals("Spark local[2,2], 1 native thread per task",
                new SparkExecutorProvider().create(Map.of(), 2).describe());
    }

    @Test
    void badThreadCountNamesTheProperty() {
        TlException e = assertThrows(TlException.class,
                () -> new SparkExecutorProvider().create(Map.of("nativeThreads", "zero"), 2));
        assertTrue(e.getMessage().startsWith("tl.spark.nativeThreads=zero"), e.getMessage());
    }

    @Test
    void shipsJarsOnlyToExecutorsOutsideThisJvm() {
        assertTrue(new SparkExecutorProvider().create(Map.of("master", "spark://h:7077"), 2).describe()
                .endsWith("tl's jars shipped to the executors"));
        assertFalse(new SparkExecutorProvider().create(Map.of("master", "spark://h:7077", "shipJars", "false"), 2)
                .describe().contains("shipped"));
        assertFalse(new SparkExecutorProvider().create(Map.of("master", "local[2]"), 2).describe()
                .contains("shipped"));
        TlException e = assertThrows(TlException.class,
                () -> new SparkExecutorProvider().create(Map.of("shipJars", "yes"), 2));
        assertTrue(e.getMessage().startsWith("tl.spark.shipJars=yes"), e.getMessage());
    }
}
