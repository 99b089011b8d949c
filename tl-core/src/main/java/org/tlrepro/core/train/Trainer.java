package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tlrepro.core.tensor.NdArrays;

/**
 * Mini-batch training and evaluation on in-memory arrays, as Keras' {@code fit(shuffle=True)} and
 * {@code evaluate} do it: each epoch visits every example once in a new random order; the last batch may be
 * smaller.
 */
public final class Trainer {

    /** DL4J's {@code LossMCXENT.DEFAULT_SOFTMAX_CLIPPING_EPSILON}. */
    static final double SOFTMAX_CLIP = 1e-10;

    private Trainer() {
    }

    /**
     * Test loss (mean cross-entropy), accuracy, and the confusion matrix: counts by true class (row) and predicted
     * class (column).
     */
    public record Evaluation(double loss, double accuracy, List<List<Integer>> confusion) {
    }

    /**
     * Trains {@code net} for {@code epochs} epochs and returns the mean training loss of each epoch.
     *
     * @param progress told the number of examples after each batch
     */
    public static List<Double> fit(MultiLayerNetwork net, INDArray features, INDArray labels, int epochs,
                                   int batchSize, long seed, IntConsumer progress) {
        int n = (int) features.size(0);
        Random random = new Random(seed);
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = BatchOrder.next(n, random);
            double sum = 0;
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                // one batch gathered at a time: no copy of the whole shuffled training set per epoch
                int[] batch = Arrays.copyOfRange(order, from, to);
                INDArray bx = NdArrays.gatherRows(features, batch);
                INDArray by = NdArrays.gatherRows(labels, batch);
                net.fit(bx, by);
                sum += net.score() * (to - from);
                NdArrays.release(bx, by);
                progress.accept(to - from);
            }
            losses.add(sum / n);
        }
        return losses;
    }

    public static Evaluation evaluate(MultiLayerNetwork net, INDArray features, INDArray labels, int batchSize) {
        int n = (int) features.size(0);
        double loss = 0;
        org.nd4j.evaluation.classification.Evaluation accuracy =
                new org.nd4j.evaluation.classification.Evaluation((int) labels.size(1));
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            INDArray bx = features.get(NDArrayIndex.interval(from, to));
            INDArray by = labels.get(NDArrayIndex.interval(from, to));
            // one forward pass gives both the predictions and the loss
            INDArray out = net.output(bx, false);
            accuracy.eval(by, out);
            loss += crossEntropySum(out, by);
            NdArrays.release(out);
        }
        int classes = (int) labels.size(1);
        List<List<Integer>> confusion = new ArrayList<>();
        for (int actual = 0; actual < classes; actual++) {
            List<Integer> row = new ArrayList<>();
            for (int predicted = 0; predicted < classes; predicted++) {
                row.add(accuracy.getConfusionMatrix().getCount(actual, predicted));
            }
            confusion.add(List.copyOf(row));
        }
        return new Evaluation(loss / n, accuracy.accuracy(), List.copyOf(confusion));
    }

    /**
     * Summed cross-entropy of softmax outputs against one-hot labels, as DL4J's MCXENT loss computes it: each
     * probability clipped below at {@value #SOFTMAX_CLIP} so that a confident mistake gives a large finite loss.
     */
    static double crossEntropySum(INDArray probabilities, INDArray oneHot) {
        float[][] p = probabilities.toFloatMatrix();
        float[][] y = oneHot.toFloatMatrix();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < p[i].length; c++) {
                if (y[i][c] != 0) {
                    sum -= y[i][c] * Math.log(Math.max(p[i][c], SOFTMAX_CLIP));
                }
            }
        }
        return sum;
    }
}
