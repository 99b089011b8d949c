package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.spark.SparkRunExecutor;

/**
 * Real executor processes on this machine ({@code local-cluster[2,1,1024]}: two workers of one core): the units run
 * in JVMs other than the driver, load the data from the shared path, and give the records of the local executor to
 * float noise (in another process they are not bit-identical).
 * Spark launches the executors with {@code $SPARK_HOME/jars/*} on their class path, so the surefire configuration
 * points SPARK_HOME at an empty folder and the executors get this test's class path instead.
 */
class SparkLocalClusterTest {

    @TempDir
    Path dir;

    @Test
    void executorProcessesTrainTheSameRecords() throws Exception {
        String sparkHome = System.getenv("SPARK_HOME");
        assertTrue(sparkHome != null, "surefire sets SPARK_HOME");
        Files.createDirectories(Path.of(sparkHome, "jars"));
        TrainStage.Result expected = ExecutorFixtures.train(dir.resolve("local"), new LocalRunExecutor(2, 2));
        Map<String, String> conf = Map.of(
                "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.driver.host", "127.0.0.1",
                "spark.executor.memory", "1024m");
        TrainStage.Result actual = ExecutorFixtures.train(dir.resolve("cluster"),
                new SparkRunExecutor("local-cluster[2,1,1024]", conf, 1));
        List<RunResult> a = ExecutorFixtures.sorted(expected.runs());
        List<RunResult> b = ExecutorFixtures.sorted(actual.runs());
        assertEquals(TrainStageTest.ALL, b.size());
        // another process is not bit-identical (README: measured about 1e-8 relative in the losses): the losses
        // must agree to 1e-5 relative and the accuracies to one test image
        double lossDiff = 0;
        double accuracyDiff = 0;
        for (int i = 0; i < a.size(); i++) {
            RunResult x = a.get(i);
            RunResult y = b.get(i);
            assertEquals(x.fingerprint(), y.fingerprint());
            assertEquals(x.testSize(), y.testSize());
            lossDiff = Math.max(lossDiff, relative(x.testLoss(), y.testLoss()));
            for (int epoch = 0; epoch < x.epochLosses().size(); epoch++) {
                lossDiff = Math.max(lossDiff, relative(x.epochLosses().get(epoch), y.epochLosses().get(epoch)));
            }
            accuracyDiff = Math.max(accuracyDiff, Math.abs(x.testAccuracy() - y.testAccuracy()) * x.testSize());
        }
        System.out.printf("local-cluster vs local: largest relative loss difference %.2g, accuracy difference %.0f "
                + "test images, over %d records%n", lossDiff, accuracyDiff, a.size());
        assertTrue(lossDiff < 1e-5, "losses differ by " + lossDiff);
        assertTrue(accuracyDiff <= 1, "accuracies differ by " + accuracyDiff + " test images");
    }

    private static double relative(double x, double y) {
        return Math.abs(x - y) / Math.max(1e-12, Math.abs(x));
    }

    /** Names the process that ran each unit in the result's backend field. */
    record WhichProcess() implements RunExecutor.WorkFactory {
        @Override
        public RunExecutor.UnitWork create(java.util.function.IntConsumer progress) {
            return (u, index, total, sink) -> {
                sink.accept(ExecutorFixtures.result(u, 1, "pid " + ProcessHandle.current().pid()));
                return 1;
            };
        }
    }

    @Test
    void unitsRunInExecutorProcesses() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        List<TrainingUnit> units = ExecutorFixtures.units(4, List.of(1));
        List<RunResult> sunk = new java.util.ArrayList<>();
        new SparkRunExecutor("local-cluster[2,1,1024]", Map.of("spark.executor.extraClassPath",
                System.getProperty("java.class.path"), "spark.driver.host", "127.0.0.1"), 1)
                .execute(units, new WhichProcess(), n -> { }, sunk::add);
        assertEquals(4, sunk.size());
        String driver = "pid " + ProcessHandle.current().pid();
        sunk.forEach(r -> assertNotEquals(driver, r.backend(), "trained in the driver's JVM"));
    }
}
