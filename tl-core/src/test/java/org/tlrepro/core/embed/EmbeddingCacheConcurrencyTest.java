package org.tlrepro.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds sharing one {@code tl.cache} (issue 14: two builds left 268 duplicate records and lost a batch): the
 * cache file ends with every image exactly once, whether the writers are threads or other processes.
 */
class EmbeddingCacheConcurrencyTest {

    private static final int HEADER = 12;
    private static final int RECORD = 32 + 4 * EmbeddingCacheWriter.DIM + 32;

    @TempDir
    Path dir;

    /** Images 0-299 written by writers whose ranges overlap: 0-199, 100-299 and 50-249. */
    private static final int[][] RANGES = {{0, 200}, {100, 300}, {50, 250}};
    private static final int IMAGES = 300;

    private void assertEveryImageOnce(Path file) throws IOException {
        assertEquals(HEADER + (long) IMAGES * RECORD, Files.size(file), "no duplicate or lost record");
        EmbeddingCache cache = EmbeddingCache.open(file);
        assertEquals(IMAGES, cache.size());
        for (int i = 0; i < IMAGES; i++) {
            assertArrayEquals(EmbeddingCacheWriter.vector(i), cache.get(EmbeddingCacheWriter.key(i)), "image " + i);
        }
    }

    @Test
    void threadsOfOneBuildShareTheFile() throws Exception {
        Path file = dir.resolve("embeddings.bin");
        ExecutorService pool = Executors.newFixedThreadPool(RANGES.length);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int[] r : RANGES) {
                done.add(pool.submit(() -> EmbeddingCacheWriter.write(file, r[0], r[1])));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEveryImageOnce(file);
    }

    @Test
    void buildsInOtherProcessesShareTheFile() throws Exception {
        Path file = dir.resolve("embeddings.bin");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> builds = new ArrayList<>();
        for (int[] r : RANGES) {
            builds.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    EmbeddingCacheWriter.class.getName(), file.toString(), String.valueOf(r[0]), String.valueOf(r[1]))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer-" + r[0] + ".log").toFile())
                    .start());
        }
        // and this process at the same time
        EmbeddingCacheWriter.write(file, 0, IMAGES);
        for (Process p : builds) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer did not finish");
            assertEquals(0, p.exitValue(), () -> "a writer failed: " + read(dir.resolve("writer-0.log")));
        }
        assertEveryImageOnce(file);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
