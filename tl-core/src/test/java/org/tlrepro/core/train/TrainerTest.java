package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

@ExtendWith(OneNativeThread.class)
class TrainerTest {

    static final int SIZE = 12;
    /** A faster learning rate than the paper's, so that a few updates separate the toy classes. */
    static final Protocol FAST = new Protocol(3, 8, 1e-3, 0.9, 1e-7, 0.7, 1, 1, 1);

    /** Trivially separable images: class 0 all about 0.1, class 1 all about 0.9; labels alternate. */
    static INDArray[] toy(int n, int size, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * 3 * size * size];
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, 2);
        int per = 3 * size * size;
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            labels.putScalar(i, label, 1f);
            for (int j = 0; j < per; j++) {
                values[i * per + j] = (label == 0 ? 0.1f : 0.9f) + 0.05f * (float) random.nextGaussian();
            }
        }
        return new INDArray[] {Nd4j.create(values, new long[] {n, 3, size, size}, 'c'), labels};
    }

    @Test
    void theNetworkBuildsFor12PixelImages() {
        MultiLayerNetwork net = PaperCnn.build(SIZE, 2, FAST, 1);
        assertEquals(2, net.output(toy(3, SIZE, 1)[0]).size(1));
    }

    @Test
    void learnsATriviallySeparableSetAndGeneralises() {
        INDArray[] train = toy(40, SIZE, 1);
        INDArray[] test = toy(20, SIZE, 2);
        MultiLayerNetwork net = PaperCnn.build(SIZE, 2, FAST, 3);
        List<Double> losses = Trainer.fit(net, train[0], train[1], 3, 8, 4, n -> { });
        assertEquals(3, losses.size(), "one loss per epoch");
        assertTrue(losses.get(2) < losses.get(0), "training loss falls: " + losses);
        Trainer.Evaluation eval = Trainer.evaluate(net, test[0], test[1], 8);
        assertEquals(1.0, eval.accuracy(), "held-out accuracy, loss " + eval.loss());
    }

    @Test
    void visitsEveryExampleOncePerEpoch() {
        INDArray[] train = toy(21, SIZE, 1);
        AtomicLong seen = new AtomicLong();
        List<Double> losses = Trainer.fit(PaperCnn.build(SIZE, 2, FAST, 3), train[0], train[1], 2, 8, 4,
                seen::addAndGet);
        assertEquals(2, losses.size());
        assertEquals(42, seen.get());
        losses.forEach(l -> assertTrue(Double.isFinite(l) && l > 0, "loss " + l));
    }

    @Test
    void evaluateGivesTheMeanCrossEntropyOverAllBatches() {
        INDArray[] data = toy(10, SIZE, 5);
        MultiLayerNetwork net = PaperCnn.build(SIZE, 2, FAST, 6);
        Trainer.fit(net, data[0], data[1], 1, 4, 7, n -> { });
        INDArray p = net.output(data[0], false);
        double sum = 0;
        int correct = 0;
        for (int i = 0; i < 10; i++) {
            int label = data[1].getFloat(i, 1) > 0.5 ? 1 : 0;
            sum -= Math.log(p.getDouble(i, label));
            correct += (p.getDouble(i, label) > p.getDouble(i, 1 - label)) ? 1 : 0;
        }
        // batches of 4, 4 and 2: the mean must weight the short last batch by its size
        Trainer.Evaluation eval = Trainer.evaluate(net, data[0], data[1], 4);
        assertEquals(sum / 10, eval.loss(), 1e-4);
        assertEquals(correct / 10.0, eval.accuracy(), 1e-12);
        // a batch that does not divide the data, and one that holds all of it, give the same answer
        assertEquals(eval.loss(), Trainer.evaluate(net, data[0], data[1], 10).loss(), 1e-5);
    }

    @Test
    void evaluatesTheLossAsDl4jsOwnScoreDoesInOneForwardPass() {
        INDArray[] data = toy(12, SIZE, 13);
        MultiLayerNetwork net = PaperCnn.build(SIZE, 2, FAST, 14);
        Trainer.fit(net, data[0], data[1], 1, 4, 15, n -> { });
        double dl4j = net.score(new DataSet(data[0], data[1]), false);
        assertEquals(dl4j, Trainer.evaluate(net, data[0], data[1], 12).loss(), 1e-6 * dl4j);
    }

    @Test
    void crossEntropyClipsAZeroProbabilityAsDl4jDoes() {
        INDArray p = Nd4j.createFromArray(new float[][] {{0f, 1f}, {0.25f, 0.75f}});
        INDArray y = Nd4j.createFromArray(new float[][] {{1f, 0f}, {0f, 1f}});
        assertEquals(-Math.log(1e-10) - Math.log(0.75), Trainer.crossEntropySum(p, y), 1e-9);
    }

    @Test
    void theSameSeedGivesTheSameTraining() {
        INDArray[] data = toy(20, SIZE, 8);
        MultiLayerNetwork a = PaperCnn.build(SIZE, 2, FAST, 9);
        MultiLayerNetwork b = PaperCnn.build(SIZE, 2, FAST, 9);
        List<Double> la = Trainer.fit(a, data[0], data[1], 2, 8, 10, n -> { });
        List<Double> lb = Trainer.fit(b, data[0], data[1], 2, 8, 10, n -> { });
        assertEquals(la, lb);
        assertEquals(a.params(), b.params());
        // another shuffling seed visits the examples in another order
        MultiLayerNetwork c = PaperCnn.build(SIZE, 2, FAST, 9);
        assertNotEquals(la, Trainer.fit(c, data[0], data[1], 2, 8, 11, n -> { }));
    }

    @Test
    void fitDoesNotChangeItsInputs() {
        INDArray[] data = toy(10, SIZE, 12);
        INDArray x = data[0].dup();
        INDArray y = data[1].dup();
        Trainer.fit(PaperCnn.build(SIZE, 2, FAST, 1), data[0], data[1], 1, 4, 1, n -> { });
        assertEquals(x, data[0]);
        assertEquals(y, data[1]);
    }
}
