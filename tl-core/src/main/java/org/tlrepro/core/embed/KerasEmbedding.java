package org.tlrepro.core.embed;

import java.nio.file.Path;
import java.util.function.IntConsumer;

import org.tlrepro.core.TlException;
import org.tlrepro.core.exec.Job;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.FileDigest;

/**
 * The embedding as a job: each batch of images is one task, whose result is its vectors (one per image, in its
 * order). Makes {@link KerasEmbedder}s from a Keras model file whose checksum the driver verified; a copy on an
 * executor is checked again before it is loaded. Paths are strings because {@link Path} is not serializable.
 *
 * @param modelFile the verified file
 * @param source    what it is (name, checksums), for the copies' check and for messages
 */
public record KerasEmbedding(String modelFile, RemoteFile source, EmbeddingModel model)
        implements Job<ImageBatch, float[][]> {

    @Override
    public String sharedFile() {
        return modelFile;
    }

    /** A DL4J graph is not safe for two threads at once. */
    @Override
    public boolean threadSafe() {
        return false;
    }

    @Override
    public Job.Worker<ImageBatch, float[][]> worker(String file, IntConsumer progress) {
        if (!file.equals(modelFile)) {
            String mismatch = source.mismatch(FileDigest.of(Path.of(file)));
            if (mismatch != null) {
                throw new TlException("the copy " + file + " of " + modelFile + " has " + mismatch);
            }
        }
        KerasEmbedder embedder = KerasEmbedder.load(Path.of(file), source.describe(), model);
        return (batch, index, total, out) -> out.accept(embedder.embed(batch.read(), batch.files()));
    }

    @Override
    public String tasks() {
        return "embedding batches";
    }

    @Override
    public String describe(ImageBatch batch) {
        return "the batch of " + batch.size() + " images from " + batch.files().get(0);
    }

    @Override
    public String kept() {
        return "the others are in the cache; a rerun embeds only the missing images";
    }
}
