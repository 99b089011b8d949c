package org.tlrepro.core.embed.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelUtils;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tlrepro.core.TlException;

/**
 * Builds a Keras Applications network from its configuration (as {@link Architecture} writes it) with
 * Deeplearning4j's own Keras import, and fills it from a weights-only file as Keras's {@code load_weights} would:
 * each layer's weights in the file's order (kernel and bias; gamma, beta, moving mean and variance, without gamma
 * where {@code scale=False}), every shape checked against the layer before anything is copied. Deeplearning4j then
 * converts them (kernel layout) exactly as it does for a whole model file, so both kinds of file give one graph.
 */
public final class KerasApplicationImport {

    private KerasApplicationImport() {
    }

    /** The network of {@code architecture} for {@code inputSize}-pixel inputs, with the weights of {@code file}. */
    public static ComputationGraph build(Architecture architecture, int inputSize, Path file) {
        String json = architecture.topologyJson(inputSize);
        KerasModel keras;
        ComputationGraph graph;
        try {
            keras = new KerasModel().modelBuilder().modelJson(json).enforceTrainingConfig(false).buildModel();
            graph = keras.getComputationGraph(false);
        } catch (java.io.IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IllegalStateException("tl's own " + architecture.id() + " configuration does not import", e);
        }
        List<WeightedLayer> layers = weightedLayers(json);
        Map<String, KerasWeights.Layer> matched = LayerMatcher.match(
                layers.stream().map(WeightedLayer::name).toList(), KerasWeightsFile.read(file), file);
        Map<String, KerasLayer> kerasLayers = keras.getLayers();
        for (WeightedLayer layer : layers) {
            KerasWeights.Layer stored = matched.get(layer.name());
            Map<String, INDArray> weights = weights(layer, stored, graph.getLayer(layer.name()).paramTable(), file);
            try {
                kerasLayers.get(layer.name()).setWeights(weights);
            } catch (InvalidKerasConfigurationException e) {
                throw new TlException(file + ": the weights of layer " + stored.name() + " do not fit "
                        + layer.name() + ": " + e.getMessage(), e);
            }
        }
        try {
            KerasModelUtils.copyWeightsToModel(graph, kerasLayers);
        } catch (InvalidKerasConfigurationException e) {
            throw new TlException(file + ": " + e.getMessage(), e);
        }
        return graph;
    }

    /**
     * The weights {@code architecture} takes, named and shaped as Keras 2.2.4's {@code save_weights} would write
     * them ({@code conv1/kernel:0}), all zero: what a weights-only file of it holds, for tests and checks.
     */
    public static KerasWeights template(Architecture architecture) {
        String json = architecture.topologyJson(architecture.inputSize());
        ComputationGraph graph;
        try {
            graph = new KerasModel().modelBuilder().modelJson(json).enforceTrainingConfig(false).buildModel()
                    .getComputationGraph(false);
        } catch (java.io.IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IllegalStateException(e);
        }
        List<KerasWeights.Layer> layers = new ArrayList<>();
        for (WeightedLayer layer : weightedLayers(json)) {
            Map<String, INDArray> dl4j = graph.getLayer(layer.name()).paramTable();
            List<KerasWeights.Weight> weights = new ArrayList<>();
            for (String param : layer.params()) {
                long[] shape = expectedShape(layer.className(), param, dl4j);
                weights.add(new KerasWeights.Weight(layer.name() + "/" + param + ":0", shape,
                        new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)]));
            }
            layers.add(new KerasWeights.Layer(layer.name(), List.copyOf(weights)));
        }
        return new KerasWeights(List.copyOf(layers), false, "2.2.4");
    }

    /** A layer of the configuration that has weights, and the names Keras gives them, in Keras's order. */
    record WeightedLayer(String name, String className, List<String> params) {
    }

    static List<WeightedLayer> weightedLayers(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<WeightedLayer> out = new ArrayList<>();
        for (JsonNode layer : root.path("config").path("layers")) {
            String cls = layer.path("class_name").asText();
            JsonNode config = layer.path("config");
            List<String> params = new ArrayList<>();
            switch (cls) {
                case "Conv2D", "Dense" -> {
                    params.add("kernel");
                    if (config.path("use_bias").asBoolean(true)) {
                        params.add("bias");
                    }
                }
                case "BatchNormalization" -> {
                    if (config.path("scale").asBoolean(true)) {
                        params.add("gamma");
                    }
                    if (config.path("center").asBoolean(true)) {
                        params.add("beta");
                    }
                    params.add("moving_mean");
                    params.add("moving_variance");
                }
                default -> {
                    continue;
                }
            }
            out.add(new WeightedLayer(layer.path("name").asText(), cls, List.copyOf(params)));
        }
        return out;
    }

    /** The stored weights under Keras's parameter names, each checked against the shape the layer needs. */
    private static Map<String, INDArray> weights(WeightedLayer layer, KerasWeights.Layer stored,
                                                 Map<String, INDArray> dl4jParams, Path file) {
        if (stored.weights().size() != layer.params().size()) {
            throw new TlException(file + ": layer " + stored.name() + " holds " + stored.weights().size()
                    + " weights, but " + layer.name() + " (" + layer.className() + ") takes " + layer.params().size()
                    + " " + layer.params() + ": the file is for another network (check tl.architecture)");
        }
        Map<String, INDArray> out = new HashMap<>();
        for (int i = 0; i < layer.params().size(); i++) {
            String param = layer.params().get(i);
            KerasWeights.Weight w = stored.weights().get(i);
            long[] expected = expectedShape(layer.className(), param, dl4jParams);
            if (!Arrays.equals(expected, w.shape())) {
                throw new TlException(file + ": weight " + w.name() + " of layer " + stored.name() + " has shape "
                        + Arrays.toString(w.shape()) + " where " + layer.name() + "'s " + param + " needs "
                        + Arrays.toString(expected) + ": the file is for another network (check tl.architecture)");
            }
            out.put(param, Nd4j.create(w.values(), w.shape(), 'c'));
        }
        return out;
    }

    /** Keras's shape of a parameter, from the Deeplearning4j layer's: a kernel is (rows, cols, in, out) there. */
    private static long[] expectedShape(String className, String param, Map<String, INDArray> dl4j) {
        return switch (className) {
            case "Conv2D" -> {
                long[] w = dl4j.get("W").shape(); // [out, in, rows, cols]
                yield param.equals("kernel") ? new long[] {w[2], w[3], w[1], w[0]} : new long[] {w[0]};
            }
            case "Dense" -> {
                long[] w = dl4j.get("W").shape(); // [in, out]
                yield param.equals("kernel") ? w : new long[] {w[1]};
            }
            default -> new long[] {dl4j.get("mean").length()};
        };
    }
}
