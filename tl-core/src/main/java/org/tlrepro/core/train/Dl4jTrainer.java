package org.tlrepro.core.train;

import java.util.List;
import java.util.function.IntConsumer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Deeplearning4j's own training ({@link Trainer#fit}): the reference every faster trainer is tested against. */
public final class Dl4jTrainer implements CnnTrainer {

    @Override
    public List<Double> fit(MultiLayerNetwork net, INDArray features, INDArray labels, int epochs, int batchSize,
                            long seed, IntConsumer progress) {
        return Trainer.fit(net, features, labels, epochs, batchSize, seed, progress);
    }
}
