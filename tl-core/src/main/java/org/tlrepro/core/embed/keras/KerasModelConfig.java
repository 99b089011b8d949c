package org.tlrepro.core.embed.keras;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a Keras 2.2.4 functional model's configuration ({@code model.to_json()}), layer by layer, as the Keras
 * Applications code calls the layers: each method adds one layer with Keras's defaults and returns its name. A layer
 * without a name gets Keras 2.2.4's automatic one, the snake-case class name and a per-class counter from 1
 * ({@code conv2d_1}, {@code batch_normalization_1}), which is how Keras Applications' unnamed layers are named in a
 * fresh session. Only the layers ResNet50 and Inception V3 use, channels-last.
 */
final class KerasModelConfig {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArrayNode layers = JSON.arrayNode();
    private final Map<String, Integer> uids = new HashMap<>();
    private String input;

    /** The model's input, {@code size x size x 3}. */
    String input(int size) {
        input = name(null, "input");
        ObjectNode config = JSON.objectNode();
        config.set("batch_input_shape", JSON.arrayNode().addNull().add(size).add(size).add(3));
        config.put("dtype", "float32");
        config.put("sparse", false);
        config.put("name", input);
        return add(input, "InputLayer", config, List.of());
    }

    String zeroPadding(String in, String name, int pad) {
        String n = name(name, "zero_padding2d");
        ObjectNode config = common(n);
        config.set("padding", JSON.arrayNode().add(pair(pad, pad)).add(pair(pad, pad)));
        config.put("data_format", "channels_last");
        return add(n, "ZeroPadding2D", config, List.of(in));
    }

    /**
     * {@code Conv2D(filters, (rows, cols), strides=(stride, stride), padding=padding, use_bias=useBias)}, with
     * {@code kernel_initializer='he_normal'} (ResNet50) or Keras's default {@code glorot_uniform} (Inception V3):
     * the initializer only matters before weights are loaded, but the configuration says what Keras would.
     */
    String conv(String in, String name, int filters, int rows, int cols, int stride, String padding,
                boolean useBias, boolean heNormal) {
        String n = name(name, "conv2d");
        ObjectNode config = common(n);
        config.put("filters", filters);
        config.set("kernel_size", pair(rows, cols));
        config.set("strides", pair(stride, stride));
        config.put("padding", padding);
        config.put("data_format", "channels_last");
        config.set("dilation_rate", pair(1, 1));
        config.put("activation", "linear");
        config.put("use_bias", useBias);
        config.set("kernel_initializer", initializer("VarianceScaling", heNormal
                ? JSON.objectNode().put("scale", 2.0).put("mode", "fan_in").put("distribution", "normal").putNull("seed")
                : JSON.objectNode().put("scale", 1.0).put("mode", "fan_avg").put("distribution", "uniform")
                        .putNull("seed")));
        config.set("bias_initializer", initializer("Zeros", JSON.objectNode()));
        for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
                "kernel_constraint", "bias_constraint")) {
            config.putNull(k);
        }
        return add(n, "Conv2D", config, List.of(in));
    }

    /** {@code BatchNormalization(axis=3, scale=scale)}: Keras's momentum 0.99 and epsilon 1e-3. */
    String batchNorm(String in, String name, boolean scale) {
        String n = name(name, "batch_normalization");
        ObjectNode config = common(n);
        config.put("axis", 3);
        config.put("momentum", 0.99);
        config.put("epsilon", 0.001);
        config.put("center", true);
        config.put("scale", scale);
        config.set("beta_initializer", initializer("Zeros", JSON.objectNode()));
        config.set("gamma_initializer", initializer("Ones", JSON.objectNode()));
        config.set("moving_mean_initializer", initializer("Zeros", JSON.objectNode()));
        config.set("moving_variance_initializer", initializer("Ones", JSON.objectNode()));
        for (String k : List.of("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint")) {
            config.putNull(k);
        }
        return add(n, "BatchNormalization", config, List.of(in));
    }

    String relu(String in, String name) {
        String n = name(name, "activation");
        return add(n, "Activation", common(n).put("activation", "relu"), List.of(in));
    }

    String maxPool(String in, String name, int size, int stride, String padding) {
        return pool("MaxPooling2D", "max_pooling2d", in, name, size, stride, padding);
    }

    String averagePool(String in, String name, int size, int stride, String padding) {
        return pool("AveragePooling2D", "average_pooling2d", in, name, size, stride, padding);
    }

    String globalAveragePool(String in, String name) {
        String n = name(name, "global_average_pooling2d");
        return add(n, "GlobalAveragePooling2D", common(n).put("data_format", "channels_last"), List.of(in));
    }

    /** {@code layers.add(inputs)}. */
    String add(List<String> in, String name) {
        String n = name(name, "add");
        return add(n, "Add", common(n), in);
    }

    /** {@code layers.concatenate(inputs, axis=3)}. */
    String concatenate(List<String> in, String name) {
        String n = name(name, "concatenate");
        return add(n, "Concatenate", common(n).put("axis", 3), in);
    }

    /** The whole configuration, as {@code model.to_json()} writes it, with {@code output} as the model's output. */
    String toJson(String modelName, String output) {
        ObjectNode config = JSON.objectNode();
        config.put("name", modelName);
        config.set("layers", layers);
        config.set("input_layers", JSON.arrayNode().add(JSON.arrayNode().add(input).add(0).add(0)));
        config.set("output_layers", JSON.arrayNode().add(JSON.arrayNode().add(output).add(0).add(0)));
        ObjectNode model = JSON.objectNode();
        model.put("class_name", "Model");
        model.set("config", config);
        model.put("keras_version", "2.2.4");
        model.put("backend", "tensorflow");
        return model.toString();
    }

    private String pool(String className, String prefix, String in, String name, int size, int stride,
                        String padding) {
        String n = name(name, prefix);
        ObjectNode config = common(n);
        config.set("pool_size", pair(size, size));
        config.put("padding", padding);
        config.set("strides", pair(stride, stride));
        config.put("data_format", "channels_last");
        return add(n, className, config, List.of(in));
    }

    private String name(String given, String prefix) {
        if (given != null) {
            return given;
        }
        int uid = uids.merge(prefix, 1, Integer::sum);
        return prefix + "_" + uid;
    }

    private static ObjectNode common(String name) {
        return JSON.objectNode().put("name", name).put("trainable", true).put("dtype", "float32");
    }

    private static ObjectNode initializer(String className, ObjectNode config) {
        ObjectNode node = JSON.objectNode();
        node.put("class_name", className);
        node.set("config", config);
        return node;
    }

    private static ArrayNode pair(int a, int b) {
        return JSON.arrayNode().add(a).add(b);
    }

    private String add(String name, String className, ObjectNode config, List<String> inbound) {
        ObjectNode layer = JSON.objectNode();
        layer.put("name", name);
        layer.put("class_name", className);
        layer.set("config", config);
        ArrayNode nodes = JSON.arrayNode();
        if (!inbound.isEmpty()) {
            ArrayNode node = JSON.arrayNode();
            for (String in : inbound) {
                node.add(JSON.arrayNode().add(in).add(0).add(0).add(JSON.objectNode()));
            }
            nodes.add(node);
        }
        layer.set("inbound_nodes", nodes);
        layers.add(layer);
        return name;
    }
}
