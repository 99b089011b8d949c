package org.tlrepro.core.embed;

import java.nio.file.Path;

import org.tlrepro.core.TlException;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.FileDigest;

/**
 * Makes {@link KerasEmbedder}s from a Keras model file whose checksum the driver verified; a copy on an executor is
 * checked again before it is loaded. Paths are strings because {@link Path} is not serializable.
 *
 * @param modelFile the verified file
 * @param source    what it is (name, checksums), for the copies' check and for messages
 */
public record KerasEmbedding(String modelFile, RemoteFile source, EmbeddingModel model)
        implements EmbeddingExecutor.EmbedderFactory {

    @Override
    public EmbeddingExecutor.BatchEmbedder create(String file) {
        if (!file.equals(modelFile)) {
            String mismatch = source.mismatch(FileDigest.of(Path.of(file)));
            if (mismatch != null) {
                throw new TlException("the copy " + file + " of " + modelFile + " has " + mismatch);
            }
        }
        KerasEmbedder embedder = KerasEmbedder.load(Path.of(file), source.describe(), model);
        return batch -> embedder.embed(batch.read(), batch.files());
    }
}
