package org.tlrepro.core.train.onednn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper CNN's parameters in Deeplearning4j's layouts, as Java arrays: convolution kernels [out, in, 3, 3] and
 * biases [out]; dense kernels [in, out] and biases [out], all row-major. What the oneDNN trainer reads from a
 * {@link MultiLayerNetwork} before training and writes back after, and the form its gradients and optimiser state
 * take.
 */
record PlainWeights(Shape shape, float[][] convKernels, float[][] convBiases, float[] dense1Kernel,
                    float[] dense1Bias, float[] dense2Kernel, float[] dense2Bias) {

    /** Indices of the convolutions and dense layers in {@link org.tlrepro.core.train.PaperCnn}'s network. */
    private static final int[] CONV_LAYERS = {0, 1, 3};
    private static final int DENSE1 = 5;
    private static final int DENSE2 = 6;
    private static final int[] CONV_OUT = {32, 32, 64};
    private static final int[] CONV_IN = {3, 32, 32};

    /** What the parameter shapes follow from. */
    record Shape(int imageSize, int classes) {
        static Shape of(int imageSize, int classes) {
            return new Shape(imageSize, classes);
        }

        /** Values per image after the second pooling: 64 x q x q. */
        int flatSize() {
            int q2 = ((imageSize - 4) / 2 - 2) / 2;
            return 64 * q2 * q2;
        }
    }

    float[] convKernel(int i) {
        return convKernels[i];
    }

    float[] convBias(int i) {
        return convBiases[i];
    }

    /** Zeros of every shape. */
    static PlainWeights zeros(Shape shape) {
        float[][] k = new float[3][];
        float[][] b = new float[3][];
        for (int i = 0; i < 3; i++) {
            k[i] = new float[CONV_OUT[i] * CONV_IN[i] * 9];
            b[i] = new float[CONV_OUT[i]];
        }
        return new PlainWeights(shape, k, b, new float[shape.flatSize() * 128], new float[128],
                new float[128 * shape.classes()], new float[shape.classes()]);
    }

    /** A copy of {@code net}'s parameters. */
    static PlainWeights of(MultiLayerNetwork net, Shape shape) {
        PlainWeights w = zeros(shape);
        for (int i = 0; i < 3; i++) {
            copy(net.getLayer(CONV_LAYERS[i]), "W", w.convKernels[i]);
            copy(net.getLayer(CONV_LAYERS[i]), "b", w.convBiases[i]);
        }
        copy(net.getLayer(DENSE1), "W", w.dense1Kernel);
        copy(net.getLayer(DENSE1), "b", w.dense1Bias);
        copy(net.getLayer(DENSE2), "W", w.dense2Kernel);
        copy(net.getLayer(DENSE2), "b", w.dense2Bias);
        return w;
    }

    /** Writes these values into {@code net}'s parameters (the same layouts as {@link #of} read). */
    void writeTo(MultiLayerNetwork net) {
        for (int i = 0; i < 3; i++) {
            set(net.getLayer(CONV_LAYERS[i]), "W", convKernels[i]);
            set(net.getLayer(CONV_LAYERS[i]), "b", convBiases[i]);
        }
        set(net.getLayer(DENSE1), "W", dense1Kernel);
        set(net.getLayer(DENSE1), "b", dense1Bias);
        set(net.getLayer(DENSE2), "W", dense2Kernel);
        set(net.getLayer(DENSE2), "b", dense2Bias);
    }

    /** Every array in one fixed order, for element-wise work (the optimiser). */
    float[][] all() {
        return new float[][] {convKernels[0], convBiases[0], convKernels[1], convBiases[1], convKernels[2],
                convBiases[2], dense1Kernel, dense1Bias, dense2Kernel, dense2Bias};
    }

    private static void copy(Layer layer, String param, float[] into) {
        INDArray p = layer.getParam(param);
        if (p.length() != into.length) {
            throw new IllegalArgumentException("layer " + layer.getIndex() + " " + param + " has " + p.length()
                    + " values where the paper's CNN has " + into.length);
        }
        float[] values = p.dup('c').castTo(DataType.FLOAT).data().asFloat();
        System.arraycopy(values, 0, into, 0, into.length);
    }

    private static void set(Layer layer, String param, float[] values) {
        INDArray p = layer.getParam(param);
        p.assign(Nd4j.create(values, p.shape(), 'c').castTo(p.dataType()));
    }
}
