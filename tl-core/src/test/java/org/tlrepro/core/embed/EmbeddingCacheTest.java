package org.tlrepro.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.LogCapture;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.Sha256;

class EmbeddingCacheTest {

    private static final int DIM = 5;
    private static final int HEADER = 12;
    /** image hash, the values, their checksum */
    private static final int RECORD = 32 + 4 * DIM + 32;

    @TempDir
    Path dir;

    private static String hash(String s) {
        return Sha256.hex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static float[][] vectors(int count, long seed) {
        Random r = new Random(seed);
        float[][] v = new float[count][DIM];
        for (float[] row : v) {
            for (int k = 0; k < DIM; k++) {
                row[k] = (float) r.nextGaussian() * 1000;
            }
        }
        v[0][0] = Float.MIN_VALUE;
        v[0][1] = -0f;
        return v;
    }

    private static void assertSameBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(actual[k]), "value " + k);
        }
    }

    @Test
    void putThenReopenGivesTheSameVectors() throws IOException {
        Path file = dir.resolve("sub").resolve("cache.bin");
        List<String> keys = List.of(hash("a"), hash("b"), hash("c"));
        float[][] v = vectors(3, 1);
        EmbeddingCache cache = EmbeddingCache.open(file);
        assertEquals(0, cache.size());
        cache.put(keys, v);
        assertEquals(3, cache.size());
        assertEquals(file, cache.file());
        assertEquals(HEADER + 3L * RECORD, Files.size(file));

        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertEquals(3, reopened.size());
        for (int i = 0; i < 3; i++) {
            assertSameBits(v[i], reopened.get(keys.get(i)));
        }
        assertNull(reopened.get(hash("unknown")));
        assertNull(cache.get(hash("unknown")));
    }

    @Test
    void emptyBatchWritesNothing() {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache.open(file).put(List.of(), new float[0][]);
        assertTrue(!Files.exists(file));
    }

    @Test
    void secondPutAppends() throws IOException {
        Path file = dir.resolve("cache.bin");
        float[][] first = vectors(2, 2);
        float[][] second = vectors(3, 3);
        EmbeddingCache cache = EmbeddingCache.open(file);
        cache.put(List.of(hash("1"), hash("2")), first);
        long before = Files.size(file);
        cache.put(List.of(hash("3"), hash("4"), hash("5")), second);
        assertEquals(before + 3L * RECORD, Files.size(file));
        assertEquals(5, cache.size());

        // a third put from a reopened cache appends too
        EmbeddingCache again = EmbeddingCache.open(file);
        assertEquals(5, again.size());
        float[][] third = vectors(1, 4);
        again.put(List.of(hash("6")), third);
        assertEquals(HEADER + 6L * RECORD, Files.size(file));

        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertEquals(6, reopened.size());
        assertSameBits(first[1], reopened.get(hash("2")));
        assertSameBits(second[2], reopened.get(hash("5")));
        assertSameBits(third[0], reopened.get(hash("6")));
    }

    @Test
    void anIncompleteLastRecordIsDropped() throws IOException {
        Path file = dir.resolve("cache.bin");
        float[][] v = vectors(3, 5);
        EmbeddingCache.open(file).put(List.of(hash("x"), hash("y"), hash("z")), v);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 3);
        }

        EmbeddingCache cache;
        try (LogCapture log = LogCapture.start()) {
            cache = EmbeddingCache.open(file);
            assertTrue(log.text().contains("The embedding cache " + file + " ends in an incomplete record ("
                    + (RECORD - 3) + " bytes"), log.text());
        }
        assertEquals(2, cache.size());
        assertEquals(HEADER + 2L * RECORD, Files.size(file));
        assertNull(cache.get(hash("z")));
        assertSameBits(v[1], cache.get(hash("y")));

        float[][] more = vectors(1, 6);
        cache.put(List.of(hash("w")), more);
        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertEquals(3, reopened.size());
        assertSameBits(v[0], reopened.get(hash("x")));
        assertSameBits(more[0], reopened.get(hash("w")));
        assertEquals(HEADER + 3L * RECORD, Files.size(file));
    }

    @Test
    void aFileCutInsideItsHeaderStartsAfresh() throws IOException {
        Path file = dir.resolve("cache.bin");
        Files.write(file, "TLEMB0".getBytes(StandardCharsets.US_ASCII));
        EmbeddingCache cache = EmbeddingCache.open(file);
        assertEquals(0, cache.size());
        assertEquals(0, Files.size(file));
        cache.put(List.of(hash("k")), vectors(1, 7));
        assertEquals(1, EmbeddingCache.open(file).size());
    }

    @Test
    void garbageIsMovedAsideNotWipedAndTheCacheStartsAfresh() throws IOException {
        Path file = dir.resolve("cache.bin");
        byte[] garbage = new byte[500];
        new Random(8).nextBytes(garbage);
        garbage[0] = 'X';
        Files.write(file, garbage);

        EmbeddingCache cache;
        try (LogCapture log = LogCapture.start()) {
            cache = EmbeddingCache.open(file);
            assertTrue(log.text().contains("The embedding cache " + file
                    + " does not start with the header of an embedding cache (TLEMB002): it is moved aside to "
                    + "cache.bin.set-aside-"), log.text());
        }
        assertEquals(0, cache.size());
        List<Path> aside = setAside(file);
        assertEquals(1, aside.size());
        assertArrayEquals(garbage, Files.readAllBytes(aside.get(0)), "kept as it was");
        float[][] v = vectors(2, 9);
        cache.put(List.of(hash("p"), hash("q")), v);
        assertEquals(HEADER + 2L * RECORD, Files.size(file));
        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertEquals(2, reopened.size());
        assertSameBits(v[1], reopened.get(hash("q")));
    }

    private List<Path> setAside(Path file) throws IOException {
        try (var files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".set-aside-"))
                    .toList();
        }
    }

    @Test
    void aCacheOfTheFormatWithoutChecksumsIsMovedAsideAndSaysWhy() throws IOException {
        Path file = dir.resolve("cache.bin");
        java.nio.ByteBuffer old = java.nio.ByteBuffer.allocate(12 + 32 + 4 * DIM)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        old.put("TLEMB001".getBytes(StandardCharsets.US_ASCII)).putInt(DIM).put(new byte[32]);
        Files.write(file, old.array());
        try (LogCapture log = LogCapture.start()) {
            EmbeddingCache cache = EmbeddingCache.open(file);
            assertEquals(0, cache.size());
            assertTrue(log.text().contains("was written in format TLEMB001 (an earlier tl, without checksums)"),
                    log.text());
        }
        assertEquals(1, setAside(file).size());
        assertTrue(!Files.exists(file));
    }

    @Test
    void aScaledVectorIsNotUsedAndItsImageIsEmbeddedAgain() throws IOException {
        Path file = dir.resolve("cache.bin");
        float[][] v = vectors(3, 10);
        List<String> keys = List.of(hash("r"), hash("s"), hash("t"));
        EmbeddingCache.open(file).put(keys, v);
        // the attack: one vector multiplied by 3 (its first value, in place)
        long at = HEADER + RECORD + 32;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int bits = Integer.reverseBytes(raf.readInt());
            raf.seek(at);
            raf.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(3 * Float.intBitsToFloat(bits))));
        }

        EmbeddingCache cache;
        try (LogCapture log = LogCapture.start()) {
            cache = EmbeddingCache.open(file);
            assertTrue(log.text().contains("The embedding cache " + file + " holds 1 vector(s) that do not match "
                    + "their checksum (edited or damaged; the first, of image " + keys.get(1) + ", at byte "
                    + (HEADER + RECORD) + ")"), log.text());
        }
        assertEquals(2, cache.size());
        assertNull(cache.get(keys.get(1)), "not used");
        // the embedder computes it again: appended, and used from then on without a warning
        cache.put(List.of(keys.get(1)), new float[][] {v[1]});
        try (LogCapture log = LogCapture.start()) {
            EmbeddingCache reopened = EmbeddingCache.open(file);
            assertEquals(3, reopened.size());
            assertSameBits(v[1], reopened.get(keys.get(1)));
            assertEquals(List.of(), log.warnings(), "repaired");
        }
    }

    @Test
    void aWrongDimensionIsRejected() {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache cache = EmbeddingCache.open(file);
        cache.put(List.of(hash("a")), vectors(1, 10));
        assertThrows(IllegalArgumentException.class,
                () -> cache.put(List.of(hash("b")), new float[][] {new float[DIM + 1]}));
        assertThrows(IllegalArgumentException.class,
                () -> cache.put(List.of(hash("c"), hash("d")), new float[][] {new float[DIM], new float[DIM - 1]}));
        assertEquals(1, cache.size());
        // a reopened cache knows its dimension from the header
        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertThrows(IllegalArgumentException.class,
                () -> reopened.put(List.of(hash("e")), new float[][] {new float[DIM - 2]}));
        assertEquals(1, EmbeddingCache.open(file).size());
    }

    /**
     * Bug: on a fresh cache, put sets the dimension before checking the batch, so after a rejected batch the next
     * put thinks the header is written and appends records without one; the next open then sees no magic and
     * throws every record away.
     */
    @Test
    void aRejectedFirstBatchDoesNotLoseLaterPuts() {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache cache = EmbeddingCache.open(file);
        assertThrows(IllegalArgumentException.class,
                () -> cache.put(List.of(hash("a"), hash("b")), new float[][] {new float[DIM], new float[DIM + 1]}));
        cache.put(List.of(hash("c")), vectors(1, 11));
        assertEquals(1, EmbeddingCache.open(file).size());
    }

    @Test
    void fileForDependsOnEverythingThatChangesTheVectors() {
        String sha = "a".repeat(64);
        EmbeddingModel base = new EmbeddingModel(new RemoteFile("resnet50.h5", sha, null), "ResNet50", 224,
                Preprocessing.CAFFE, "avg_pool", 32);
        List<EmbeddingModel> variants = List.of(
                base,
                new EmbeddingModel(new RemoteFile("resnet50.h5", "b".repeat(64), null), "ResNet50", 224,
                        Preprocessing.CAFFE, "avg_pool", 32),
                new EmbeddingModel(new RemoteFile("resnet50.h5", null, null), "ResNet50", 224,
                        Preprocessing.CAFFE, "avg_pool", 32),
                new EmbeddingModel(base.sources().get(0), "ResNet50", 299, Preprocessing.CAFFE, "avg_pool", 32),
                new EmbeddingModel(base.sources().get(0), "ResNet50", 224, Preprocessing.TF, "avg_pool", 32),
                new EmbeddingModel(base.sources().get(0), "ResNet50", 224, Preprocessing.CAFFE, "fc1000", 32));
        Set<Path> files = new HashSet<>();
        for (EmbeddingModel m : variants) {
            Path f = EmbeddingCache.fileFor(dir, m);
            assertEquals(dir, f.getParent());
            files.add(f);
        }
        assertEquals(variants.size(), files.size());

        // what does not change the vectors does not change the file
        EmbeddingModel renamed = new EmbeddingModel(new RemoteFile("other-name.h5", sha, null), "Another label",
                224, Preprocessing.CAFFE, "avg_pool", 8);
        assertEquals(EmbeddingCache.fileFor(dir, base), EmbeddingCache.fileFor(dir, renamed));
        assertNotEquals(EmbeddingCache.fileFor(dir, base), EmbeddingCache.fileFor(dir.resolve("x"), base));
    }

    @Test
    void cachesForDifferentModelsAreIndependent() {
        EmbeddingModel a = new EmbeddingModel(new RemoteFile("m.h5", "c".repeat(64), null), "A", 224,
                Preprocessing.CAFFE, "avg_pool", 32);
        EmbeddingModel b = new EmbeddingModel(new RemoteFile("m.h5", "c".repeat(64), null), "A", 299,
                Preprocessing.CAFFE, "avg_pool", 32);
        EmbeddingCache.open(EmbeddingCache.fileFor(dir, a)).put(List.of(hash("i")), vectors(1, 12));
        assertEquals(1, EmbeddingCache.open(EmbeddingCache.fileFor(dir, a)).size());
        assertEquals(0, EmbeddingCache.open(EmbeddingCache.fileFor(dir, b)).size());
        assertArrayEquals(vectors(1, 12)[0], EmbeddingCache.open(EmbeddingCache.fileFor(dir, a)).get(hash("i")));
    }
}
