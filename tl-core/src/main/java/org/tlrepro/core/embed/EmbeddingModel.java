package org.tlrepro.core.embed;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.fetch.RemoteFile;

/**
 * An ImageNet network used as a fixed feature extractor.
 *
 * @param sources       files that hold it, in order of preference (all are looked for in the mirror and the cache
 *                      before the first with a URL is downloaded): whole Keras model files, or weights-only files
 *                      of {@code architecture}
 * @param architecture  the network, which tl builds itself for a weights-only file and whose probe vectors every
 *                      source must reproduce; {@link Architecture#KERAS_MODEL} for any whole model file
 * @param name          what the report calls it, e.g. "ResNet50 (ImageNet)"
 * @param inputSize     side of its square input (ResNet50 224, Inception V3 299)
 * @param preprocessing how it expects its pixels
 * @param featureLayer  the layer whose activations are the embedding (Keras Applications: {@code avg_pool})
 * @param batchSize     images per forward pass
 * @param embedder      what runs the forward pass ({@code tl.embedder})
 */
public record EmbeddingModel(List<RemoteFile> sources, Architecture architecture, String name, int inputSize,
                             Preprocessing preprocessing, String featureLayer, int batchSize, EmbedderKind embedder)
        implements Serializable {

    public EmbeddingModel {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an embedding network needs at least one model file");
        }
    }

    /** With the embedder of {@link EmbedderKind#fromSystemProperty()}. */
    public EmbeddingModel(List<RemoteFile> sources, Architecture architecture, String name, int inputSize,
                          Preprocessing preprocessing, String featureLayer, int batchSize) {
        this(sources, architecture, name, inputSize, preprocessing, featureLayer, batchSize,
                EmbedderKind.fromSystemProperty());
    }

    /** A whole Keras model file, whatever network it holds. */
    public EmbeddingModel(RemoteFile file, String name, int inputSize, Preprocessing preprocessing, String featureLayer,
                          int batchSize) {
        this(List.of(file), Architecture.KERAS_MODEL, name, inputSize, preprocessing, featureLayer, batchSize);
    }

    /**
     * Everything that changes the vectors, for cache keys and fingerprints. A network with probe vectors is
     * identified by them, whichever of its files is used: each must reproduce them before it embeds anything.
     * Otherwise the configured files' checksums (or names) identify it.
     */
    public String identity() {
        String network = ProbeVectors.of(architecture)
                .map(p -> architecture.id() + "@probe:" + p.sha256().substring(0, 16))
                .orElseGet(() -> sources.stream().map(RemoteFile::identity).collect(Collectors.joining(",")));
        // the two round floats differently; Deeplearning4j's vectors keep the key they had before oneDNN
        return network + "|" + inputSize + "|" + preprocessing + "|" + featureLayer + "|opencv-INTER_LINEAR"
                + (embedder == EmbedderKind.DL4J ? "" : "|embedder " + embedder.id());
    }
}
