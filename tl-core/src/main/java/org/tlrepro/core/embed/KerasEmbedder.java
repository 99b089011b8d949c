package org.tlrepro.core.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.embed.keras.KerasApplicationImport;
import org.tlrepro.core.embed.keras.KerasWeightsFile;
import org.tlrepro.core.embed.onednn.OneDnnEmbedding;
import org.tlrepro.core.embed.onednn.OneDnnGraph;
import org.tlrepro.core.backend.OneDnnLibrary;
import org.tlrepro.core.prepare.ImageDecoder;

/**
 * Embeds images with a Keras model: a whole model file is imported with Deeplearning4j; a weights-only file is
 * loaded into the network tl builds for {@code tl.architecture} ({@link KerasApplicationImport}). The graph is cut
 * after the feature layer and (where possible) rebuilt channels-first for speed, which is checked to give the same
 * vectors; then, where the network has committed probe vectors, the file must reproduce them.
 */
public final class KerasEmbedder {

    private static final Logger LOG = LoggerFactory.getLogger(KerasEmbedder.class);

    private final EmbeddingModel model;
    private final ComputationGraph graph;
    private final boolean channelsFirst;
    private final int dimension;
    /** The forward pass on oneDNN, or {@code null} for Deeplearning4j's. */
    private final OneDnnEmbedding oneDnn;

    private KerasEmbedder(EmbeddingModel model, ComputationGraph graph, boolean channelsFirst, int dimension,
                          OneDnnEmbedding oneDnn) {
        this.model = model;
        this.graph = graph;
        this.channelsFirst = channelsFirst;
        this.dimension = dimension;
        this.oneDnn = oneDnn;
    }

    /** Imports {@code file} and prepares it to give the activations of the model's feature layer. */
    public static KerasEmbedder load(Path file, EmbeddingModel model) {
        return load(file, file.getFileName().toString(), model);
    }

    /**
     * Imports {@code file}, prepares it to give the activations of the model's feature layer and checks it against
     * the network's probe vectors.
     *
     * @param source what the file is, for messages (name, checksum, origin)
     * @throws TlException naming the file, if it cannot be read or is not the configured network
     */
    public static KerasEmbedder load(Path file, String source, EmbeddingModel model) {
        NativeBackend.initialize();
        ComputationGraph full = importGraph(file, model);
        KerasEmbedder embedder = prepare(full, file, model);
        Optional<ProbeVectors.Committed> probe = ProbeVectors.of(model.architecture());
        if (probe.isPresent()) {
            probe.get().probe().check(embedder, file, source);
            LOG.info("{} reproduces the committed probe vectors of {} ({} images, {} values each)", file.getFileName(),
                    model.architecture().displayName(), probe.get().probe().images().size(), embedder.dimension);
        }
        return embedder;
    }

    /** A whole model file as Keras saved it, or a weights-only file in the network tl builds for it. */
    private static ComputationGraph importGraph(Path file, EmbeddingModel model) {
        if (!KerasWeightsFile.isFullModel(file)) {
            if (!model.architecture().buildable()) {
                throw new TlException(file + " holds only weights (Keras's save_weights), and tl.architecture is "
                        + model.architecture().id() + ", which takes a whole model file: set tl.architecture to the "
                        + "network the weights belong to (resnet50 or inception_v3), or give a file saved with "
                        + "model.save(path)");
            }
            LOG.info("{} holds weights only: loading them into {} as Keras Applications 1.0.8 defines it",
                    file.getFileName(), model.architecture().displayName());
            return KerasApplicationImport.build(model.architecture(), model.inputSize(), file);
        }
        try {
            return KerasModelImport.importKerasModelAndWeights(file.toString(), false);
        } catch (IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException
                 | RuntimeException e) {
            throw new TlException(file + " cannot be imported as a full Keras model (topology and weights): "
                    + e.getMessage() + ". Save it with model.save(path) in Keras' HDF5 format", e);
        }
    }

    private static KerasEmbedder prepare(ComputationGraph full, Path file, EmbeddingModel model) {
        ComputationGraph cut = cutAfter(full, model.featureLayer(), file);
        INDArray probe = Nd4j.rand(DataType.FLOAT, 2, model.inputSize(), model.inputSize(), 3).muli(255);
        INDArray reference = cut.output(probe)[0];
        if (reference.rank() != 2) {
            throw new TlException("layer " + model.featureLayer() + " of " + file + " gives activations of shape "
                    + java.util.Arrays.toString(reference.shape()) + ", not one vector per image: choose a pooled "
                    + "layer (tl.featureLayer), e.g. avg_pool");
        }
        int dimension = (int) reference.size(1);
        if (model.embedder() == EmbedderKind.ONEDNN) {
            Optional<KerasEmbedder> one = onOneDnn(cut, probe, reference, file, model, dimension);
            if (one.isPresent()) {
                return one.get();
            }
        }
        Optional<ComputationGraph> fast = ChannelsFirst.convert(cut);
        if (fast.isPresent()) {
            INDArray check = fast.get().output(probe.permute(0, 3, 1, 2).dup('c'))[0];
            double error = check.sub(reference).amaxNumber().doubleValue();
            double scale = Math.max(1e-6, reference.amaxNumber().doubleValue());
            if (error <= 1e-4 * scale) {
                LOG.info("Embedding with {} layer {} ({} values), channels-first", model.name(),
                        model.featureLayer(), dimension);
                return new KerasEmbedder(model, fast.get(), true, dimension, null);
            }
            LOG.warn("The channels-first copy of {} differs from the original by {} (scale {}); using the slower "
                    + "original", file.getFileName(), error, scale);
        } else {
            LOG.info("{} has layers tl cannot run channels-first; embedding channels-last (slower)", file.getFileName());
        }
        return new KerasEmbedder(model, cut, false, dimension, null);
    }

    /**
     * The graph on oneDNN, if it can run it and gives Deeplearning4j's vectors on the probe batch (1e-4 of the
     * largest value); otherwise empty, with the reason in the log.
     */
    private static Optional<KerasEmbedder> onOneDnn(ComputationGraph cut, INDArray probe, INDArray reference, Path file,
                                                    EmbeddingModel model, int dimension) {
        Optional<String> unsupported = OneDnnGraph.unsupported(cut);
        if (unsupported.isPresent()) {
            LOG.info("{} has a vertex oneDNN is not used for here ({}): embedding with Deeplearning4j",
                    file.getFileName(), unsupported.get());
            return Optional.empty();
        }
        OneDnnEmbedding oneDnn = new OneDnnEmbedding(cut);
        try {
            int size = model.inputSize();
            float[] nchw = probe.permute(0, 3, 1, 2).dup('c').data().asFloat();
            float[][] got = oneDnn.embed(nchw, (int) probe.size(0), size);
            double error = 0;
            for (int i = 0; i < got.length; i++) {
                for (int k = 0; k < dimension; k++) {
                    error = Math.max(error, Math.abs(got[i][k] - reference.getDouble(i, k)));
                }
            }
            double scale = Math.max(1e-6, reference.amaxNumber().doubleValue());
            if (error <= 1e-4 * scale) {
                LOG.info("Embedding with {} layer {} ({} values) on {}, which gives Deeplearning4j's vectors on a probe "
                        + "batch to {} of the largest value", model.name(), model.featureLayer(), dimension,
                        OneDnnLibrary.load(), String.format("%.1e", error / scale));
                return Optional.of(new KerasEmbedder(model, cut, true, dimension, oneDnn));
            }
            LOG.warn("oneDNN's forward pass of {} differs from Deeplearning4j's by {} of the largest value on a probe "
                    + "batch: embedding with Deeplearning4j", file.getFileName(), error / scale);
        } catch (RuntimeException e) {
            LOG.warn("oneDNN cannot run {} ({}): embedding with Deeplearning4j", file.getFileName(), e.toString());
        }
        oneDnn.close();
        return Optional.empty();
    }

    /** Which engine embeds, for the record: "oneDNN 2.5.2" or "Deeplearning4j". */
    public String engine() {
        return oneDnn != null ? OneDnnLibrary.load() : "Deeplearning4j";
    }

    /** The graph up to {@code layer}, with everything the layer does not depend on removed. */
    private static ComputationGraph cutAfter(ComputationGraph full, String layer, Path file) {
        ComputationGraphConfiguration conf = full.getConfiguration();
        if (!conf.getVertices().containsKey(layer)) {
            List<String> names = conf.getTopologicalOrderStr();
            throw new TlException(file + " has no layer '" + layer + "' (tl.featureLayer); its last layers are "
                    + names.subList(Math.max(0, names.size() - 5), names.size()));
        }
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(layer));
        Map<String, List<String>> inputs = conf.getVertexInputs();
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (needed.add(v)) {
                todo.addAll(inputs.getOrDefault(v, List.of()));
            }
        }
        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(full);
        for (String v : conf.getTopologicalOrderStr()) {
            if (!needed.contains(v) && conf.getVertices().containsKey(v)) {
                builder.removeVertexAndConnections(v);
            }
        }
        return builder.setOutputs(layer).build();
    }

    public int dimension() {
        return dimension;
    }

    public EmbeddingModel model() {
        return model;
    }

    /** Whether the fast channels-first copy of the graph is in use. */
    public boolean channelsFirst() {
        return channelsFirst;
    }

    /**
     * One vector per encoded image, in order.
     *
     * @param encoded the original image files' bytes
     * @param names   names for error messages
     */
    public float[][] embed(List<byte[]> encoded, List<String> names) {
        return embed(encoded, names, model.inputSize(), model.preprocessing());
    }

    /** As {@link #embed(List, List)}, at another input size or preprocessing (the probe vectors'). */
    float[][] embed(List<byte[]> encoded, List<String> names, int size, Preprocessing preprocessing) {
        int per = 3 * size * size;
        float[] input = new float[encoded.size() * per];
        for (int i = 0; i < encoded.size(); i++) {
            byte[] rgb = ImageDecoder.decodeResized(encoded.get(i), names.get(i), size, size).pixels();
            preprocessing.apply(rgb, size, channelsFirst, input, i * per);
        }
        if (oneDnn != null) {
            return oneDnn.embed(input, encoded.size(), size);
        }
        long[] shape = channelsFirst ? new long[] {encoded.size(), 3, size, size}
                : new long[] {encoded.size(), size, size, 3};
        INDArray batch = Nd4j.create(input, shape, 'c');
        return graph.output(batch)[0].toFloatMatrix();
    }
}
