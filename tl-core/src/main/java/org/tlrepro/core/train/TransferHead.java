package org.tlrepro.core.train;

import java.util.List;
import java.util.function.IntConsumer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Scheme 4: the source-trained network with its convolutional part frozen and its last two layers retrained on the
 * target's training part. The frozen part gives the same features in every epoch, so they are computed once
 * (flattened to [N, 6400]) and only a two-layer network starting from the source model's weights is trained: the
 * same optimisation as freezing the layers in Keras, at a fraction of the cost.
 */
public final class TransferHead {

    private final MultiLayerNetwork source;
    private final MultiLayerNetwork head;

    private TransferHead(MultiLayerNetwork source, MultiLayerNetwork head) {
        this.source = source;
        this.head = head;
    }

    /** A head initialised with copies of the source network's last two layers, with a fresh optimiser. */
    public static TransferHead from(MultiLayerNetwork source, Protocol protocol, long seed) {
        long nIn = source.getLayer(PaperCnn.FIRST_RETRAINED_LAYER).getParam("W").size(0);
        long hidden = source.getLayer(PaperCnn.FIRST_RETRAINED_LAYER).getParam("W").size(1);
        long classes = source.getLayer(PaperCnn.FIRST_RETRAINED_LAYER + 1).getParam("W").size(1);
        MultiLayerNetwork head = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new KerasRmsProp(protocol.learningRate(), protocol.rho(), protocol.epsilon()))
                .list()
                .layer(new DenseLayer.Builder().nIn(nIn).nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build());
        head.init();
        head.getLayer(0).setParams(source.getLayer(PaperCnn.FIRST_RETRAINED_LAYER).params().dup());
        head.getLayer(1).setParams(source.getLayer(PaperCnn.FIRST_RETRAINED_LAYER + 1).params().dup());
        return new TransferHead(source, head);
    }

    /** Output of the frozen layers, flattened as the network's own dense layer sees it. */
    public INDArray features(INDArray images) {
        INDArray pooled = source.activateSelectedLayers(0, PaperCnn.FIRST_RETRAINED_LAYER - 1, images);
        return pooled.reshape('c', pooled.size(0), pooled.length() / pooled.size(0)).dup('c');
    }

    public List<Double> fit(INDArray images, INDArray labels, Protocol protocol, long seed, IntConsumer progress) {
        return Trainer.fit(head, features(images), labels, protocol.epochs(), protocol.batchSize(), seed, progress);
    }

    public Trainer.Evaluation evaluate(INDArray images, INDArray labels, int batchSize) {
        return Trainer.evaluate(head, features(images), labels, batchSize);
    }

    MultiLayerNetwork head() {
        return head;
    }
}
