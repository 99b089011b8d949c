package org.tlrepro.core.train;

import java.util.List;
import java.util.function.IntConsumer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tlrepro.core.tensor.NdArrays;

/**
 * Scheme 4: the source-trained network with its convolutional part frozen and its last two layers retrained on the
 * target's training part. The frozen part gives the same features in every epoch, so they are computed once
 * (flattened to [N, 6400]) and only a two-layer network starting from the source model's weights is trained: the
 * same optimisation as freezing the layers in Keras, at a fraction of the cost.
 */
public final class TransferHead {

    private final MultiLayerNetwork source;
    private final MultiLayerNetwork head;
    private final int batchSize;

    private TransferHead(MultiLayerNetwork source, MultiLayerNetwork head, int batchSize) {
        this.source = source;
        this.head = head;
        this.batchSize = batchSize;
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
        return new TransferHead(source, head, protocol.batchSize());
    }

    /**
     * Output of the frozen layers, flattened as the network's own dense layer sees it. Computed a batch at a time,
     * each batch's activations freed at once: a whole target subset in one pass would hold gigabytes of them.
     */
    public INDArray features(INDArray images) {
        long n = images.size(0);
        INDArray out = null;
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            List<INDArray> acts = source.feedForwardToLayer(PaperCnn.FIRST_RETRAINED_LAYER - 1,
                    images.get(NDArrayIndex.interval(from, to)), false);
            INDArray pooled = acts.get(PaperCnn.FIRST_RETRAINED_LAYER);
            INDArray flat = pooled.reshape('c', to - from, pooled.length() / (to - from));
            if (out == null) {
                out = Nd4j.create(DataType.FLOAT, n, flat.size(1));
            }
            out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(flat);
            // index 0 is the input: the caller's images (or a view of them), never to be freed here
            NdArrays.release(acts.subList(1, acts.size()).toArray(INDArray[]::new));
        }
        return out;
    }

    public List<Double> fit(INDArray images, INDArray labels, Protocol protocol, long seed, IntConsumer progress) {
        INDArray features = features(images);
        try {
            return Trainer.fit(head, features, labels, protocol.epochs(), protocol.batchSize(), seed, progress);
        } finally {
            NdArrays.release(features);
        }
    }

    public Trainer.Evaluation evaluate(INDArray images, INDArray labels, int batchSize) {
        INDArray features = features(images);
        try {
            return Trainer.evaluate(head, features, labels, batchSize);
        } finally {
            NdArrays.release(features);
        }
    }

    /** Frees the head's parameters, optimiser state and this thread's workspaces; the source is the caller's. */
    public void close() {
        head.close();
    }

    MultiLayerNetwork head() {
        return head;
    }
}
