package org.tlrepro.core.embed.keras;

import java.util.List;

/**
 * The weights in a Keras HDF5 file, as Keras's {@code load_weights} sees them: the layers in the file's
 * {@code layer_names} order, each with its weights in {@code weight_names} order (only layers that have weights).
 *
 * @param layers       layers with weights, in file order
 * @param fullModel    whether the file is a whole model ({@code model.save}) rather than {@code save_weights}
 * @param kerasVersion the {@code keras_version} attribute, or {@code null} (files written by Keras 1)
 */
public record KerasWeights(List<Layer> layers, boolean fullModel, String kerasVersion) {

    /** One layer's weights, in Keras's order (e.g. kernel, bias; gamma, beta, moving mean, moving variance). */
    public record Layer(String name, List<Weight> weights) {
    }

    /**
     * @param name   as the file names it, e.g. {@code conv1/kernel:0} (Keras 2) or {@code conv1_W:0} (Keras 1)
     * @param shape  dimensions, in Keras's order (a 2-D convolution kernel: rows, columns, in, out)
     * @param values row-major
     */
    public record Weight(String name, long[] shape, float[] values) {
    }

    public long parameterCount() {
        return layers.stream().flatMap(l -> l.weights().stream()).mapToLong(w -> w.values().length).sum();
    }
}
