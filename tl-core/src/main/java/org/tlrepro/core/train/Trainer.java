package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mini-batch training and evaluation on in-memory arrays, as Keras' {@code fit(shuffle=True)} and
 * {@code evaluate} do it: each epoch visits every example once in a new random order; the last batch may be
 * smaller.
 */
public final class Trainer {

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
            int[] order = permutation(n, random);
            INDArray x = features.get(NDArrayIndex.indices(toLong(order))).dup('c');
            INDArray y = labels.get(NDArrayIndex.indices(toLong(order))).dup('c');
            double sum = 0;
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                INDArray bx = x.get(NDArrayIndex.interval(from, to));
                INDArray by = y.get(NDArrayIndex.interval(from, to));
                net.fit(bx, by);
                sum += net.score() * (to - from);
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
            // DL4J's score is the batch mean of the output layer's loss (no regularization is configured)
            loss += net.score(new DataSet(bx, by), false) * (to - from);
            accuracy.eval(by, net.output(bx, false));
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

    private static int[] permutation(int n, Random random) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long[] toLong(int[] v) {
        return Arrays.stream(v).asLongStream().toArray();
    }
}
