package org.tlrepro.core.train.onednn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

import org.bytedeco.javacpp.Pointer;
import org.tlrepro.core.backend.OneDnnLibrary;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tlrepro.core.train.BatchOrder;
import org.tlrepro.core.train.CnnTrainer;
import org.tlrepro.core.train.KerasRmsProp;

/**
 * Trains the paper's CNN on oneDNN ({@link OneDnnPaperCnn}): the initial weights are read from the Deeplearning4j
 * network (so its Glorot initialisation and seeds stay), the epochs run with the same shuffled order, batch sizes and
 * Keras RMSprop as {@link org.tlrepro.core.train.Trainer#fit}, and the trained weights are written back. The
 * optimiser's state is not: Scheme 4 starts a fresh one, as Keras does for a recompiled model.
 */
public final class OneDnnTrainer implements CnnTrainer {

    /** Which oneDNN runs the training, for the run records, e.g. "oneDNN 2.5.2". */
    public static String describe() {
        return OneDnnLibrary.load();
    }

    @Override
    public List<Double> fit(MultiLayerNetwork net, INDArray features, INDArray labels, int epochs, int batchSize,
                            long seed, IntConsumer progress) {
        int n = (int) features.size(0);
        int size = (int) features.size(2);
        int classes = (int) labels.size(1);
        PlainWeights.Shape shape = PlainWeights.Shape.of(size, classes);
        PlainWeights weights = PlainWeights.of(net, shape);
        PlainWeights gradients = PlainWeights.zeros(shape);
        if (!(((BaseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer()).getIUpdater()
                instanceof KerasRmsProp optimiser)) {
            throw new IllegalArgumentException("the oneDNN trainer runs Keras' RMSprop; this network has another "
                    + "optimiser: train it with tl.trainer=dl4j");
        }
        RmsPropStep rmsProp = new RmsPropStep(shape, optimiser.getLearningRate(), optimiser.getRmsDecay(),
                optimiser.getEpsilon());
        int[] classOf = classes(labels);
        INDArray x = features.dataType() == DataType.FLOAT && features.ordering() == 'c' && !features.isView()
                ? features : features.castTo(DataType.FLOAT).dup('c');
        long rowBytes = 3L * size * size * Float.BYTES;
        // plain Pointers: Pointer.memcpy adds their positions in bytes
        Pointer source = new Pointer(x.data().addressPointer());
        int full = Math.min(batchSize, n);
        int rest = n % full;
        try (OneDnnPaperCnn cnn = new OneDnnPaperCnn(size, classes, full);
             OneDnnPaperCnn last = rest == 0 ? null : new OneDnnPaperCnn(size, classes, rest)) {
            Random random = new Random(seed);
            List<Double> losses = new ArrayList<>();
            for (int epoch = 0; epoch < epochs; epoch++) {
                int[] order = BatchOrder.next(n, random);
                double sum = 0;
                for (int from = 0; from < n; from += full) {
                    int to = Math.min(n, from + full);
                    OneDnnPaperCnn step = to - from == full ? cnn : last;
                    Pointer input = new Pointer(step.input());
                    int[] batchLabels = new int[to - from];
                    for (int i = from; i < to; i++) {
                        // one image is a contiguous row of 3 x size x size floats in both buffers
                        Pointer.memcpy(input.position((i - from) * rowBytes), source.position(order[i] * rowBytes),
                                rowBytes);
                        batchLabels[i - from] = classOf[order[i]];
                    }
                    sum += step.step(weights, batchLabels, gradients) * (to - from);
                    rmsProp.apply(weights, gradients);
                    progress.accept(to - from);
                }
                losses.add(sum / n);
            }
            weights.writeTo(net);
            return losses;
        }
    }

    private static int[] classes(INDArray oneHot) {
        float[][] y = oneHot.toFloatMatrix();
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            for (int c = 1; c < y[i].length; c++) {
                if (y[i][c] > y[i][out[i]]) {
                    out[i] = c;
                }
            }
        }
        return out;
    }
}
