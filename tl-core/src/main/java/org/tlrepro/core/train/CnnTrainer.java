package org.tlrepro.core.train;

import java.util.List;
import java.util.function.IntConsumer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What trains the paper's CNN ({@link PaperCnn}) in place: Keras' {@code fit(shuffle=True)} with RMSprop, each epoch
 * visiting every example once in the order {@link BatchOrder} draws from {@code Random(seed)}, the last batch
 * smaller. The network's weights are read before and written after, so that evaluation, saving, Table 1 and
 * Scheme 4 see a Deeplearning4j network whichever trainer ran.
 */
public interface CnnTrainer {

    /**
     * Trains {@code net} for {@code epochs} epochs and returns the mean training loss of each epoch.
     *
     * @param features [n, 3, size, size] images
     * @param labels   [n, classes] one-hot labels
     * @param progress told the number of examples after each batch
     */
    List<Double> fit(MultiLayerNetwork net, INDArray features, INDArray labels, int epochs, int batchSize,
                     long seed, IntConsumer progress);
}
