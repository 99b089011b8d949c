package org.tlrepro.core.embed;

import java.nio.file.Path;

import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Sha256;

/**
 * Makes {@link KerasEmbedder}s from a Keras model file whose SHA-256 the driver verified; a copy on an executor is
 * checked again before it is loaded. Paths are strings because {@link Path} is not serializable.
 */
public record KerasEmbedding(String modelFile, EmbeddingModel model) implements EmbeddingExecutor.EmbedderFactory {

    @Override
    public EmbeddingExecutor.BatchEmbedder create(String file) {
        if (!file.equals(modelFile)) {
            String sha = Sha256.ofFile(Path.of(file));
            if (!sha.equals(model.file().sha256())) {
                throw new TlException("the copy " + file + " of " + modelFile + " has SHA-256 " + sha + ", not "
                        + model.file().sha256());
            }
        }
        KerasEmbedder embedder = KerasEmbedder.load(Path.of(file), model);
        return batch -> embedder.embed(batch.read(), batch.files());
    }
}
