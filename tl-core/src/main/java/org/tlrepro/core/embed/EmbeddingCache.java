package org.tlrepro.core.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.tlrepro.core.io.Sha256;

/**
 * Embedding vectors keyed by image SHA-256, one append-only file per model identity (model hash, input size,
 * preprocessing, layer). The file is a header ({@value #MAGIC} and the dimension) and records of the 32-byte
 * image hash and {@code dimension} little-endian floats, so a build killed while appending loses at most the
 * record it was writing, which is cut off on the next open.
 */
public final class EmbeddingCache {

    private static final String MAGIC = "TLEMB001";
    private static final int HEADER = 12;

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private int dimension;

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    /** The cache file for {@code model} under {@code folder}. */
    public static Path fileFor(Path folder, EmbeddingModel model) {
        String key = Sha256.hex(model.identity().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        return folder.resolve("embeddings-" + key + ".bin");
    }

    /** Opens (or starts) the cache, dropping an incomplete last record; an unreadable file starts afresh. */
    public static EmbeddingCache open(Path file) {
        EmbeddingCache cache = new EmbeddingCache(file);
        cache.load();
        return cache;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && ch.read(header) > 0) {
                // read the whole header
            }
            header.flip();
            byte[] magic = new byte[MAGIC.length()];
            if (header.remaining() < HEADER || !MAGIC.equals(new String(readInto(header, magic), StandardCharsets.US_ASCII))
                    || (dimension = header.getInt()) <= 0) {
                ch.truncate(0);
                dimension = 0;
                return;
            }
            int recordBytes = 32 + 4 * dimension;
            long complete = HEADER + (ch.size() - HEADER) / recordBytes * recordBytes;
            if (complete != ch.size()) {
                ch.truncate(complete);
            }
            ByteBuffer all = ByteBuffer.allocate((int) (complete - HEADER)).order(ByteOrder.LITTLE_ENDIAN);
            while (all.hasRemaining()) {
                if (ch.read(all, HEADER + all.position()) < 0) {
                    break;
                }
            }
            all.flip();
            byte[] hash = new byte[32];
            while (all.remaining() >= recordBytes) {
                all.get(hash);
                float[] v = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    v[i] = all.getFloat();
                }
                vectors.put(HexFormat.of().formatHex(hash), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file, e);
        }
    }

    private static byte[] readInto(ByteBuffer buf, byte[] out) {
        buf.get(out);
        return out;
    }

    public float[] get(String sha256) {
        return vectors.get(sha256);
    }

    public int size() {
        return vectors.size();
    }

    public Path file() {
        return file;
    }

    /** Appends vectors (and keeps them in memory), on disk before this returns. */
    public void put(List<String> sha256, float[][] batch) {
        if (batch.length == 0) {
            return;
        }
        int width = dimension == 0 ? batch[0].length : dimension;
        for (float[] v : batch) {
            if (v.length != width) {
                throw new IllegalArgumentException("vector of " + v.length + " values, cache holds " + width);
            }
        }
        boolean fresh = dimension == 0;
        int recordBytes = 32 + 4 * width;
        ByteBuffer buf = ByteBuffer.allocate((fresh ? HEADER : 0) + recordBytes * batch.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        if (fresh) {
            buf.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(width);
        }
        for (int i = 0; i < batch.length; i++) {
            buf.put(HexFormat.of().parseHex(sha256.get(i)));
            for (float f : batch[i]) {
                buf.putFloat(f);
            }
        }
        buf.flip();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    fresh ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND)) {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file, e);
        }
        // only once the header is on disk does the cache have a dimension
        dimension = width;
        for (int i = 0; i < batch.length; i++) {
            vectors.put(sha256.get(i), batch[i]);
        }
    }
}
