package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.exec.Job;
import org.tlrepro.spark.SparkExecutor;

/**
 * Real executor processes on this machine ({@code local-cluster[2,1,1024]}: two workers of one core) that have tl on
 * their class path already ({@code tl.spark.shipJars=false}): the units run in JVMs other than the driver.
 * Spark launches the executors with {@code $SPARK_HOME/jars/*} on their class path, so the surefire configuration
 * points SPARK_HOME at an empty folder and the executors get this test's class path instead.
 * {@link SparkStandaloneClusterTest} trains real units on executors that get tl from the shipped jars.
 */
class SparkLocalClusterTest {

    /** Names the process that ran each unit in the result's backend field. */
    record WhichProcess() implements ExecutorFixtures.StandIn {
        @Override
        public Job.Worker<TrainingUnit, RunResult> worker(String sharedFile, java.util.function.IntConsumer progress) {
            return (u, index, total, sink) -> sink.accept(ExecutorFixtures.result(u, 1, "pid "
                    + ProcessHandle.current().pid()));
        }
    }

    @Test
    void unitsRunInExecutorProcesses() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        List<TrainingUnit> units = ExecutorFixtures.units(4, List.of(1));
        List<RunResult> sunk = new java.util.ArrayList<>();
        new SparkExecutor("local-cluster[2,1,1024]", Map.of("spark.executor.extraClassPath",
                System.getProperty("java.class.path"), "spark.driver.host", "127.0.0.1"), 1, false)
                .execute(new WhichProcess(), units, n -> { }, (u, r) -> sunk.add(r));
        assertEquals(4, sunk.size());
        String driver = "pid " + ProcessHandle.current().pid();
        sunk.forEach(r -> assertNotEquals(driver, r.backend(), "trained in the driver's JVM"));
    }
}
