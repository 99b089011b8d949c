package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.embed.ImageBatch;
import org.tlrepro.core.embed.KerasEmbedding;
import org.tlrepro.core.exec.LocalExecutor;
import org.tlrepro.spark.SparkEmbeddingTest;
import org.tlrepro.spark.SparkExecutorProvider;
import org.tlrepro.spark.SparkExecutor;

/**
 * A standalone Spark cluster on this machine, started as {@code sbin/start-master.sh} and {@code start-worker.sh}
 * would (a Master and a Worker process), whose installation has Spark's jars but neither tl nor DL4J/ND4J: the
 * executors get those only from the jars the driver ships ({@code spark.jars}), and must train the local executor's
 * records bit for bit.
 */
class SparkStandaloneClusterTest {

    private static final List<String> NOT_IN_THE_INSTALLATION =
            List.of("org/tlrepro/", "org/deeplearning4j/", "org/nd4j/", "org/bytedeco/", "org/opencv/");

    @TempDir
    static Path dir;

    private static final List<Process> DAEMONS = new ArrayList<>();
    private static String master;

    @BeforeAll
    static void startCluster() throws Exception {
        Path home = sparkInstallation(dir.resolve("spark-home"));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        DAEMONS.add(start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
        awaitPort(port);
        DAEMONS.add(start(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "2", "--memory", "2g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", dir.resolve("work").toString(), master));
    }

    private static Map<String, String> conf() {
        return Map.of("spark.driver.host", "127.0.0.1", "spark.executor.cores", "1",
                "spark.executor.memory", "1024m", "spark.cores.max", "2");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        List<Process> daemons = DAEMONS;
        for (Process p : daemons) {
            p.destroy();
        }
        for (Process p : daemons) {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aClusterWithoutTlTrainsTheLocalRecordsFromShippedJars() throws Exception {
        TrainStage.Result expected = ExecutorFixtures.train(dir.resolve("local"), new LocalExecutor(2, 2));
        TrainStage.Result actual = ExecutorFixtures.train(dir.resolve("cluster"),
                new SparkExecutor(master, conf(), 1));

        // the executors get this JVM's process-wide native thread count, so the records are bit for bit the local
        // executor's (with Spark's default, OMP_NUM_THREADS=1, the losses differed by 2.6e-8 relative)
        assertEquals(TrainStageTest.ALL, actual.runs().size());
        assertEquals(ExecutorFixtures.sorted(expected.runs()).stream().map(SparkStandaloneClusterTest::numbers).toList(),
                ExecutorFixtures.sorted(actual.runs()).stream().map(SparkStandaloneClusterTest::numbers).toList());
        // each executor's working folder holds what it fetched from the driver: tl and ND4J's natives among them
        List<String> fetched;
        try (var files = Files.walk(dir.resolve("work"))) {
            fetched = files.map(p -> p.getFileName().toString()).toList();
        }
        assertTrue(fetched.stream().anyMatch(f -> f.startsWith("tl-core")), "no tl-core jar fetched: " + fetched);
        assertTrue(fetched.stream().anyMatch(f -> f.startsWith("tl-spark")), "no tl-spark jar fetched: " + fetched);
        assertTrue(fetched.stream().anyMatch(f -> f.startsWith("nd4j-native-") && f.contains("linux")),
                "ND4J's natives not fetched: " + fetched);
        System.out.printf("executors fetched %d files%n", fetched.stream().filter(f -> f.endsWith(".jar")).count());
    }

    @Test
    void aClusterWithoutTlEmbedsTheLocalVectorsWithTheShippedModel() throws Exception {
        Path images = Files.createDirectories(dir.resolve("embed"));
        List<ImageBatch> batches = SparkEmbeddingTest.batches(images);
        KerasEmbedding factory = SparkEmbeddingTest.embedding(images);
        Map<String, float[]> local = SparkEmbeddingTest.embed(new LocalExecutor(1), batches, factory);
        Map<String, String> settings = new java.util.HashMap<>(Map.of("master", master));
        conf().forEach((k, v) -> settings.put("conf." + k, v));
        Map<String, float[]> cluster = SparkEmbeddingTest.embed(
                new SparkExecutorProvider().create(settings, Runtime.getRuntime().availableProcessors()), batches, factory);
        SparkEmbeddingTest.assertSameVectors(local, cluster);
    }

    // what training computed (not the timings, nor the backend line with the executor's thread count)
    private static List<Object> numbers(RunResult r) {
        return List.of(r.experiment(), r.scheme(), r.run(), r.fingerprint(), r.testAccuracy(), r.testLoss(),
                r.epochLosses(), r.confusion());
    }

    /** $SPARK_HOME/jars: this test's class path without tl, DL4J, ND4J, JavaCPP or OpenCV. */
    private static Path sparkInstallation(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar") && !hasTl(p)) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
                n++;
            }
        }
        assertTrue(n > 50, "only " + n + " jars for the Spark installation");
        return home;
    }

    private static boolean hasTl(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().anyMatch(e -> NOT_IN_THE_INSTALLATION.stream().anyMatch(e.getName()::startsWith));
        }
    }

    private static Process start(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", home.resolve("jars") + File.separator + "*", mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the Spark master did not open port " + port + ": "
                + Files.readString(dir.resolve("master.log")));
    }
}
