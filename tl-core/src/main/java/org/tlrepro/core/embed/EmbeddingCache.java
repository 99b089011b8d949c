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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tlrepro.core.io.FileLocks;
import org.tlrepro.core.io.Sha256;

/**
 * Embedding vectors keyed by image SHA-256, one append-only file per model identity (model hash, input size,
 * preprocessing, layer). The file is a header ({@value #MAGIC} and the dimension) and records of the 32-byte
 * image hash and {@code dimension} little-endian floats, so a build killed while appending loses at most the
 * record it was writing, which is cut off on the next open. Builds sharing one {@code tl.cache} take turns
 * (a {@link FileLocks file lock}): each first reads what the others appended and then appends only the vectors the
 * file lacks, so the file holds every image once.
 */
public final class EmbeddingCache {

    private static final String MAGIC = "TLEMB001";
    private static final int HEADER = 12;

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private int dimension;
    /** Bytes of the file read into {@link #vectors}: 0 before the header, then the end of the last record read. */
    private long read;

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
        if (Files.isRegularFile(file)) {
            try {
                FileLocks.withLock(file, () -> {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                        cache.catchUp(ch);
                    }
                    return null;
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the embedding cache " + file, e);
            }
        }
        return cache;
    }

    /**
     * Under the lock: checks the header, cuts off a record a killed build left incomplete and reads the records
     * written since this cache last looked (by this build or another).
     */
    private void catchUp(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < read) {
            // the file was deleted or restarted under us: read it again from the start
            read = 0;
            dimension = 0;
        }
        if (read == 0) {
            if (size == 0) {
                return;
            }
            ByteBuffer header = readFully(ch, 0, (int) Math.min(HEADER, size));
            byte[] magic = new byte[MAGIC.length()];
            int dim;
            if (header.remaining() < HEADER
                    || !MAGIC.equals(new String(readInto(header, magic), StandardCharsets.US_ASCII))
                    || (dim = header.getInt()) <= 0) {
                ch.truncate(0);
                return;
            }
            dimension = dim;
            read = HEADER;
        }
        int recordBytes = 32 + 4 * dimension;
        long complete = HEADER + (size - HEADER) / recordBytes * recordBytes;
        if (complete != size) {
            ch.truncate(complete);
        }
        ByteBuffer all = readFully(ch, read, (int) (complete - read));
        byte[] hash = new byte[32];
        while (all.remaining() >= recordBytes) {
            all.get(hash);
            float[] v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = all.getFloat();
            }
            vectors.putIfAbsent(HexFormat.of().formatHex(hash), v);
        }
        read = complete;
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        return buf;
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

    /**
     * Appends the vectors the file does not hold yet (and keeps them in memory), on disk before this returns.
     *
     * @throws IllegalArgumentException if the vectors differ in length from each other or from the cache's
     */
    public synchronized void put(List<String> sha256, float[][] batch) {
        if (batch.length == 0) {
            return;
        }
        int width = batch[0].length;
        for (float[] v : batch) {
            if (v.length != width) {
                throw new IllegalArgumentException("vector of " + v.length + " values, the batch has " + width);
            }
        }
        try {
            FileLocks.withLock(file, () -> {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                    catchUp(ch);
                    if (dimension != 0 && width != dimension) {
                        throw new IllegalArgumentException("vector of " + width + " values, cache holds " + dimension);
                    }
                    append(ch, sha256, batch, width);
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file, e);
        }
    }

    /** Under the lock, after {@link #catchUp}: writes the header if the file has none, then the new records. */
    private void append(FileChannel ch, List<String> sha256, float[][] batch, int width) throws IOException {
        Map<String, float[]> fresh = new LinkedHashMap<>();
        for (int i = 0; i < batch.length; i++) {
            if (!vectors.containsKey(sha256.get(i))) {
                fresh.putIfAbsent(sha256.get(i), batch[i]);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        boolean header = read == 0;
        int recordBytes = 32 + 4 * width;
        ByteBuffer buf = ByteBuffer.allocate((header ? HEADER : 0) + recordBytes * fresh.size())
                .order(ByteOrder.LITTLE_ENDIAN);
        if (header) {
            buf.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(width);
        }
        for (Map.Entry<String, float[]> e : fresh.entrySet()) {
            buf.put(HexFormat.of().parseHex(e.getKey()));
            for (float f : e.getValue()) {
                buf.putFloat(f);
            }
        }
        buf.flip();
        long position = header ? 0 : read;
        if (header) {
            ch.truncate(0);
        }
        while (buf.hasRemaining()) {
            position += ch.write(buf, position);
        }
        ch.force(false);
        // only once the header is on disk does the cache have a dimension
        dimension = width;
        read = position;
        vectors.putAll(fresh);
    }
}
