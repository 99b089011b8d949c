package org.tlrepro.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.ImageBatch;
import org.tlrepro.core.exec.LocalExecutor;
import org.tlrepro.core.exec.TaskExecutor;
import org.tlrepro.core.embed.KerasEmbedding;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.testing.SyntheticDataset;
import org.tlrepro.core.testing.TinyKerasModel;

public class SparkEmbeddingTest {

    @TempDir
    Path dir;

    /** 5 batches of 4 random images, and the tiny Keras model's embedder. */
    public static List<ImageBatch> batches(Path dir) throws Exception {
        Random random = new Random(7);
        List<ImageBatch> out = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            List<String> sha = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] png = SyntheticDataset.randomPng(random, 20 + i, 24, (b + i) % 2);
                Path f = dir.resolve("img-" + b + "-" + i + ".png");
                Files.write(f, png);
                sha.add(Sha256.hex(png));
                files.add(f.toString());
            }
            out.add(new ImageBatch(sha, files));
        }
        return out;
    }

    public static KerasEmbedding embedding(Path dir) {
        Path model = TinyKerasModel.copyTo(dir);
        RemoteFile file = new RemoteFile(TinyKerasModel.FILE_NAME, TinyKerasModel.sha256(model), null);
        return new KerasEmbedding(model.toString(), file, new EmbeddingModel(file, "tiny", TinyKerasModel.INPUT_SIZE,
                Preprocessing.TF, "avg_pool", 4));
    }

    public static Map<String, float[]> embed(TaskExecutor executor, List<ImageBatch> batches,
                                             KerasEmbedding factory) {
        Map<String, float[]> vectors = new HashMap<>();
        executor.execute(factory, batches, n -> { }, (batch, out) -> {
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.sha256s().get(i), out[i]);
            }
        });
        return vectors;
    }

    public static void assertSameVectors(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), "vector of " + k));
    }

    @Test
    void localModeGivesTheLocalExecutorsVectorsBitForBit() throws Exception {
        List<ImageBatch> batches = batches(dir);
        KerasEmbedding factory = embedding(dir);
        Map<String, float[]> local = embed(new LocalExecutor(1), batches, factory);
        Map<String, float[]> spark = embed(new SparkExecutor(
                SparkExecutorProvider.settings(Map.of("master", "local[2,2]"), 2)), batches, factory);
        assertEquals(20, spark.size());
        assertEquals(TinyKerasModel.DIMENSION, spark.values().iterator().next().length);
        assertSameVectors(local, spark);
    }

    @Test
    void aChangedImageFailsItsBatchNamingTheFileAfterTheOthers() throws Exception {
        List<ImageBatch> batches = batches(dir);
        Path changed = Path.of(batches.get(2).files().get(1));
        Files.write(changed, new byte[] {1, 2, 3});
        List<ImageBatch> done = new ArrayList<>();
        TlException e = assertThrows(TlException.class, () -> new SparkExecutor(
                SparkExecutorProvider.settings(Map.of("master", "local[2,2]"), 2))
                .execute(embedding(dir), batches, n -> { }, (batch, out) -> done.add(batch)));
        assertTrue(e.getMessage().contains(changed + " was changed after tl:prepare verified it"), e.getMessage());
        assertEquals(4, done.size(), "the other batches are kept");
    }
}
