package org.tlrepro.core.embed;

import java.io.Serializable;

import org.tlrepro.core.fetch.RemoteFile;

/**
 * An ImageNet network used as a fixed feature extractor.
 *
 * @param file          the full Keras model file (topology and weights), fetched by name
 * @param name          what the report calls it, e.g. "ResNet50 (ImageNet)"
 * @param inputSize     side of its square input (ResNet50 224, Inception V3 299)
 * @param preprocessing how it expects its pixels
 * @param featureLayer  the layer whose activations are the embedding (Keras Applications: {@code avg_pool})
 * @param batchSize     images per forward pass
 */
public record EmbeddingModel(RemoteFile file, String name, int inputSize, Preprocessing preprocessing,
                             String featureLayer, int batchSize) implements Serializable {

    /** Everything that changes the vectors, for cache keys and fingerprints. */
    public String identity() {
        return file.sha256() + "|" + inputSize + "|" + preprocessing + "|" + featureLayer + "|opencv-INTER_LINEAR";
    }
}
