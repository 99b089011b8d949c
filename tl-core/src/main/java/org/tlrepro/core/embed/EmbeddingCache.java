package org.tlrepro.core.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.io.FileLocks;
import org.tlrepro.core.io.Sha256;

/**
 * Embedding vectors keyed by image SHA-256, one append-only file per model identity (model hash, input size,
 * preprocessing, layer). The file is a header ({@value #MAGIC} and the dimension) and records of the 32-byte
 * image hash, {@code dimension} little-endian floats and the SHA-256 of those bytes, so that a vector altered after
 * it was written is told from a sound one: it is not used, the image is embedded again and the log says so. A build
 * killed while appending loses at most the record it was writing, which is cut off on the next open (with a
 * warning). A file that does not start with this header is never wiped: it is moved aside and named in the log.
 * Builds sharing one {@code tl.cache} take turns (a {@link FileLocks file lock}): each first reads what the others
 * appended and then appends only the vectors the file lacks, so the file holds every image once.
 */
public final class EmbeddingCache {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
    /** The format: records with a checksum; TLEMB001 (tl before issue 33) had none. */
    static final String MAGIC = "TLEMB002";
    static final int HEADER = 12;
    private static final int CHECKSUM = 32;

    private final Path file;
    private final Duration lockWait;
    private final Map<String, float[]> vectors = new HashMap<>();
    private int dimension;
    /** Bytes of the file read into {@link #vectors}: 0 before the header, then the end of the last record read. */
    private long read;

    private EmbeddingCache(Path file, Duration lockWait) {
        this.lockWait = lockWait;
        this.file = file;
    }

    /** The cache file for {@code model} under {@code folder}. */
    public static Path fileFor(Path folder, EmbeddingModel model) {
        String key = Sha256.hex(model.identity().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        return folder.resolve("embeddings-" + key + ".bin");
    }

    /**
     * Opens (or starts) the cache, dropping an incomplete last record; a file in another format is moved aside
     * (never deleted), and every repair is logged with the file.
     */
    public static EmbeddingCache open(Path file) {
        return open(file, FileLocks.DEFAULT_WAIT);
    }

    /** @param lockWait how long to wait for another build appending to the same file */
    public static EmbeddingCache open(Path file, Duration lockWait) {
        EmbeddingCache cache = new EmbeddingCache(file, lockWait);
        cache.refresh();
        return cache;
    }

    /** Reads what other builds appended since this cache last looked. */
    public synchronized void refresh() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            FileLocks.withLock(file, lockWait, () -> {
                setAsideUnknown();
                if (Files.isRegularFile(file)) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                        catchUp(ch);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file, e);
        }
    }

    /**
     * Under the lock, before the header is read: a file that does not start with this format's header is moved
     * aside, so that nothing a user or an earlier tl wrote is lost; a header cut off by a killed build (a prefix of
     * it, and nothing after) is simply started again.
     */
    private void setAsideUnknown() throws IOException {
        if (read != 0 || !Files.isRegularFile(file)) {
            return;
        }
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        byte[] start = new byte[(int) Math.min(HEADER, size)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = readFully(ch, 0, start.length);
            buf.get(start);
        }
        String magic = new String(start, 0, Math.min(start.length, MAGIC.length()), StandardCharsets.US_ASCII);
        if (size < HEADER && MAGIC.startsWith(magic)) {
            LOG.warn("The embedding cache {} holds an incomplete header ({} bytes, left by a build that was stopped "
                    + "while starting it): it is started again", file, size);
            Files.write(file, new byte[0]);
            return;
        }
        int dim = size < HEADER ? 0
                : ByteBuffer.wrap(start, MAGIC.length(), 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (MAGIC.equals(magic) && dim > 0) {
            return;
        }
        String what = magic.startsWith("TLEMB") && magic.length() == MAGIC.length()
                ? "was written in format " + magic + " (an earlier tl, without checksums)"
                : "does not start with the header of an embedding cache (" + MAGIC + ")";
        Path aside = file.resolveSibling(file.getFileName() + ".set-aside-" + Instant.now().getEpochSecond());
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("The embedding cache {} {}: it is moved aside to {}, not deleted, and its images are embedded "
                + "again (delete the moved file once it is not needed)", file, what, aside.getFileName());
    }

    /**
     * Under the lock: reads the header, cuts off a record a killed build left incomplete and reads the records
     * written since this cache last looked (by this build or another); a record that fails its checksum is skipped.
     */
    private void catchUp(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < read) {
            // the file was deleted or restarted under us: read it again from the start
            read = 0;
            dimension = 0;
        }
        if (read == 0) {
            if (size < HEADER) {
                // empty, or an incomplete header already reported by setAsideUnknown
                return;
            }
            ByteBuffer header = readFully(ch, 0, HEADER);
            header.position(MAGIC.length());
            dimension = header.getInt();
            read = HEADER;
        }
        int payload = 32 + 4 * dimension;
        int recordBytes = payload + CHECKSUM;
        long complete = HEADER + (size - HEADER) / recordBytes * recordBytes;
        if (complete != size) {
            LOG.warn("The embedding cache {} ends in an incomplete record ({} bytes, left by a build that was "
                    + "stopped while writing it): it is cut off, and that image is embedded again", file,
                    size - complete);
            ch.truncate(complete);
        }
        ByteBuffer all = readFully(ch, read, (int) (complete - read));
        byte[] record = new byte[payload];
        byte[] stored = new byte[CHECKSUM];
        Map<String, Long> damaged = new LinkedHashMap<>();
        MessageDigest sha256 = Sha256.newDigest();
        for (long position = read; all.remaining() >= recordBytes; position += recordBytes) {
            all.get(record);
            all.get(stored);
            String image = HexFormat.of().formatHex(record, 0, 32);
            if (!MessageDigest.isEqual(stored, sha256.digest(record))) {
                damaged.putIfAbsent(image, position);
                continue;
            }
            ByteBuffer values = ByteBuffer.wrap(record, 32, 4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = values.getFloat();
            }
            vectors.putIfAbsent(image, v);
        }
        read = complete;
        // a damaged record followed by a sound copy of the same image was repaired by an earlier build
        damaged.keySet().removeAll(vectors.keySet());
        if (!damaged.isEmpty()) {
            Map.Entry<String, Long> first = damaged.entrySet().iterator().next();
            LOG.warn("The embedding cache {} holds {} vector(s) that do not match their checksum (edited or "
                    + "damaged; the first, of image {}, at byte {}): they are not used, and those images are embedded "
                    + "again", file, damaged.size(), first.getKey(), first.getValue());
        }
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
            FileLocks.withLock(file, lockWait, () -> {
                Files.createDirectories(file.toAbsolutePath().getParent());
                setAsideUnknown();
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
        int recordBytes = 32 + 4 * width + CHECKSUM;
        ByteBuffer buf = ByteBuffer.allocate((header ? HEADER : 0) + recordBytes * fresh.size())
                .order(ByteOrder.LITTLE_ENDIAN);
        if (header) {
            buf.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(width);
        }
        MessageDigest digest = Sha256.newDigest();
        for (Map.Entry<String, float[]> e : fresh.entrySet()) {
            int start = buf.position();
            buf.put(HexFormat.of().parseHex(e.getKey()));
            for (float f : e.getValue()) {
                buf.putFloat(f);
            }
            digest.update(buf.array(), start, buf.position() - start);
            buf.put(digest.digest());
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
