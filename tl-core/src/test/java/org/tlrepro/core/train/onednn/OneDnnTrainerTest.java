package org.tlrepro.core.train.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.train.Dl4jTrainer;
import org.tlrepro.core.train.KerasRmsProp;
import org.tlrepro.core.train.PaperCnn;
import org.tlrepro.core.train.Protocol;
import org.tlrepro.core.train.TransferHead;

/**
 * The oneDNN trainer against Deeplearning4j's ({@link Dl4jTrainer}) on the same network, data and seed: the same
 * optimiser step, the same batches in the same order, a close loss trajectory, and trained weights that go back into
 * the network for evaluation, saving and Scheme 4.
 */
class OneDnnTrainerTest {

    private static final Protocol P = new Protocol(3, 16, 1e-3, 0.9, 1e-7, 0.7, 1, 0, 42);

    @BeforeAll
    static void backend() {
        NativeBackend.initialize();
    }

    private static INDArray images(int n, int size, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * 3 * size * size];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return Nd4j.create(v, new long[] {n, 3, size, size}, 'c');
    }

    /** Labels that depend on the images (the mean of the first channel), so that there is something to learn. */
    private static INDArray labels(INDArray x) {
        int n = (int) x.size(0);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2);
        INDArray means = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(0)).mean(1, 2);
        double median = means.medianNumber().doubleValue();
        for (int i = 0; i < n; i++) {
            y.putScalar(i, means.getDouble(i) > median ? 1 : 0, 1f);
        }
        return y;
    }

    private static double relativeDifference(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue() / b.norm2Number().doubleValue();
    }

    @Test
    void oneOptimiserStepIsKerasRmsPropsToFloatRounding() {
        PlainWeights.Shape shape = PlainWeights.Shape.of(12, 2);
        PlainWeights w = PlainWeights.zeros(shape);
        PlainWeights g = PlainWeights.zeros(shape);
        float[] gradient = g.dense1Kernel();
        Random r = new Random(3);
        RmsPropStep ours = new RmsPropStep(shape, 1e-3, 0.9, 1e-7);
        INDArray state = Nd4j.create(DataType.FLOAT, 1, gradient.length);
        GradientUpdater<?> theirs = new KerasRmsProp(1e-3, 0.9, 1e-7).instantiate(state, true);
        float[] expected = new float[gradient.length];
        float[] moved = new float[gradient.length];
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = (float) (r.nextGaussian() * Math.pow(10, -1 - r.nextInt(5)));
            }
            INDArray update = Nd4j.create(gradient.clone(), new long[] {1, gradient.length}, 'c');
            theirs.applyUpdater(update, t, 0);
            float[] u = update.data().asFloat();
            for (int i = 0; i < gradient.length; i++) {
                expected[i] -= u[i];
                moved[i] += Math.abs(u[i]);
            }
            ours.apply(w, g);
            for (int i = 0; i < gradient.length; i++) {
                // steps of about lr / sqrt(1 - rho) can nearly cancel: the rounding is relative to the steps
                assertEquals(expected[i], w.dense1Kernel()[i], 1e-6 * moved[i] + 1e-12, "step " + t + ", weight " + i);
            }
        }
    }

    @Test
    void theSameBatchesInTheSameOrderGiveTheSameWeights() {
        // 40 images in batches of 16 (the last of 8), one epoch: the order and the batch sizes decide the weights
        INDArray x = images(40, 20, 5);
        INDArray y = labels(x);
        MultiLayerNetwork dl4j = PaperCnn.build(20, 2, P, 9);
        MultiLayerNetwork ours = dl4j.clone();
        MultiLayerNetwork shuffledOtherwise = dl4j.clone();
        new Dl4jTrainer().fit(dl4j, x, y, 1, 16, 77, n -> { });
        new OneDnnTrainer().fit(ours, x, y, 1, 16, 77, n -> { });
        new OneDnnTrainer().fit(shuffledOtherwise, x, y, 1, 16, 78, n -> { });
        double same = relativeDifference(ours.params(), dl4j.params());
        double other = relativeDifference(shuffledOtherwise.params(), dl4j.params());
        assertTrue(same < 1e-4, "the same order: relative difference " + same);
        assertTrue(other > 100 * same, "another order differs far more: " + other + " vs " + same);
    }

    @Test
    void theLossTrajectoryFollowsDl4js() {
        INDArray x = images(200, 20, 6);
        INDArray y = labels(x);
        MultiLayerNetwork dl4j = PaperCnn.build(20, 2, P, 10);
        MultiLayerNetwork ours = dl4j.clone();
        List<Double> want = new Dl4jTrainer().fit(dl4j, x, y, 3, 16, 5, n -> { });
        int[] seen = {0};
        List<Double> got = new OneDnnTrainer().fit(ours, x, y, 3, 16, 5, n -> seen[0] += n);
        assertEquals(600, seen[0], "progress counts every image of every epoch");
        assertEquals(3, got.size());
        assertEquals(want.get(0), got.get(0), 1e-3 * want.get(0), "first epoch's mean loss");
        for (int e = 1; e < 3; e++) {
            assertEquals(want.get(e), got.get(e), 0.02 * want.get(e), "epoch " + (e + 1) + ": " + want + " " + got);
        }
    }

    @Test
    void trainedWeightsServeEvaluationSavingAndScheme4() throws Exception {
        INDArray x = images(37, 50, 7);
        INDArray y = labels(x);
        MultiLayerNetwork net = PaperCnn.build(50, 2, P, 12);
        new OneDnnTrainer().fit(net, x, y, 1, 16, 3, n -> { });

        PlainWeights.Shape shape = PlainWeights.Shape.of(50, 2);
        PlainWeights trained = PlainWeights.of(net, shape);
        INDArray out = net.output(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 16)), false);
        try (OneDnnPaperCnn cnn = new OneDnnPaperCnn(50, 2, 16)) {
            cnn.input().put(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 16)).dup('c').data().asFloat());
            float[][] p = cnn.predict(trained);
            for (int i = 0; i < 16; i++) {
                assertEquals(out.getDouble(i, 1), p[i][1], 1e-5, "image " + i);
            }
        }

        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, saved, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(saved.toByteArray()), true);
        assertEquals(net.output(x, false), restored.output(x, false));

        TransferHead head = TransferHead.from(restored, P, 1);
        INDArray features = head.features(x);
        assertEquals(List.of(37L, 6400L), List.of(features.size(0), features.size(1)));
        head.close();
    }
}
