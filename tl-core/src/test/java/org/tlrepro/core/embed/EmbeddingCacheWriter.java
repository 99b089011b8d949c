package org.tlrepro.core.embed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tlrepro.core.io.Sha256;

/**
 * A second build, for {@link EmbeddingCacheConcurrencyTest}: puts the vectors of images {@code from} to {@code to}
 * (exclusive) into the cache file, in batches, as tl:cluster does.
 */
public final class EmbeddingCacheWriter {

    static final int DIM = 7;
    static final int BATCH = 8;

    private EmbeddingCacheWriter() {
    }

    static String key(int image) {
        return Sha256.hex(("image " + image).getBytes(StandardCharsets.UTF_8));
    }

    /** The vector of an image: the same in every build, as the embedding of the same pixels is. */
    static float[] vector(int image) {
        float[] v = new float[DIM];
        for (int k = 0; k < DIM; k++) {
            v[k] = image * 10f + k;
        }
        return v;
    }

    /** Each batch is opened afresh, like builds that start while others run. */
    static void write(Path file, int from, int to) {
        for (int start = from; start < to; start += BATCH) {
            List<String> keys = new ArrayList<>();
            List<float[]> rows = new ArrayList<>();
            for (int i = start; i < Math.min(to, start + BATCH); i++) {
                keys.add(key(i));
                rows.add(vector(i));
            }
            EmbeddingCache.open(file).put(keys, rows.toArray(new float[0][]));
        }
    }

    public static void main(String[] args) {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
}
