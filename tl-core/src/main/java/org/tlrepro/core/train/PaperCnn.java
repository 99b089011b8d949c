package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The paper's 8-layer CNN (Table 1): Conv 3x3x32, Conv 3x3x32, MaxPool 2x2, Conv 3x3x64, MaxPool 2x2, Flatten,
 * Dense 128, Dense 2; ReLU, valid padding, softmax with cross-entropy, Glorot-uniform weights and zero biases (the
 * Keras defaults), RMSprop. 848,226 parameters for 50x50x3 inputs and two classes.
 */
public final class PaperCnn {

    /** Parameters the paper reports for its network. */
    public static final long PAPER_PARAMETERS = 848_226;
    /** Index of the first of the two layers Scheme 4 retrains (Dense 128); DL4J folds Flatten into it. */
    public static final int FIRST_RETRAINED_LAYER = 5;

    private PaperCnn() {
    }

    public static MultiLayerConfiguration configuration(int imageSize, int classes, Protocol protocol, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .updater(new KerasRmsProp(protocol.learningRate(), protocol.rho(), protocol.epsilon()))
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).name("conv2d_1").build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).name("conv2d_2").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .name("max_pooling2d_1").build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).name("conv2d_3").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .name("max_pooling2d_2").build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).name("dense_1").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).name("dense_2").build())
                .setInputType(InputType.convolutional(imageSize, imageSize, 3))
                .build();
    }

    public static MultiLayerNetwork build(int imageSize, int classes, Protocol protocol, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(imageSize, classes, protocol, seed));
        net.init();
        return net;
    }

    /** One row of Table 1. */
    public record LayerRow(String type, String outputShape, long parameters, boolean updatable) {
    }

    /**
     * Table 1 as built: Keras layer names and output shapes (None = batch), with the Flatten that DL4J folds
     * into its first dense layer shown as its own row, as Keras does.
     */
    public static List<LayerRow> table1(MultiLayerNetwork net, int imageSize) {
        List<LayerRow> rows = new ArrayList<>();
        int s1 = imageSize - 2;
        int s2 = s1 - 2;
        int p1 = s2 / 2;
        int s3 = p1 - 2;
        int p2 = s3 / 2;
        rows.add(new LayerRow("Conv2D", shape(s1, 32), net.getLayer(0).numParams(), false));
        rows.add(new LayerRow("Conv2D", shape(s2, 32), net.getLayer(1).numParams(), false));
        rows.add(new LayerRow("MaxPooling2D", shape(p1, 32), 0, false));
        rows.add(new LayerRow("Conv2D", shape(s3, 64), net.getLayer(3).numParams(), false));
        rows.add(new LayerRow("MaxPooling2D", shape(p2, 64), 0, false));
        rows.add(new LayerRow("Flatten", "(None, " + (p2 * p2 * 64) + ")", 0, false));
        rows.add(new LayerRow("Dense", "(None, 128)", net.getLayer(5).numParams(), true));
        rows.add(new LayerRow("Dense", "(None, " + net.getLayer(6).getParam("b").length() + ")",
                net.getLayer(6).numParams(), true));
        return rows;
    }

    private static String shape(int side, int channels) {
        return "(None, " + side + ", " + side + ", " + channels + ")";
    }
}
