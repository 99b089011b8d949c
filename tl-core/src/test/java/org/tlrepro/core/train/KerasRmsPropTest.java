package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/** Our RMSprop against the Keras 2.2.4 formula: v starts at 0; v = rho v + (1-rho) g^2; step lr g / (sqrt(v) + eps). */
class KerasRmsPropTest {

    static final double LR = 1e-4;
    static final double RHO = 0.9;
    static final double EPS = 1e-7;

    /** The update Keras subtracts from the weights, step by step, in double precision. */
    static double[][] kerasSteps(double[][] gradients) {
        int n = gradients[0].length;
        double[] v = new double[n];
        double[][] steps = new double[gradients.length][n];
        for (int t = 0; t < gradients.length; t++) {
            for (int i = 0; i < n; i++) {
                double g = gradients[t][i];
                v[i] = RHO * v[i] + (1 - RHO) * g * g;
                steps[t][i] = LR * g / (Math.sqrt(v[i]) + EPS);
            }
        }
        return steps;
    }

    @Test
    void oneAndSeveralUpdatesEqualKerasToFloatPrecision() {
        // small gradients, where DL4J's epsilon-filled start would damp the first steps, and large ones
        double[][] gradients = {
            {1e-5, -3e-4, 0.02, -1.5, 2e-6},
            {2e-5, -1e-4, 0.01, -0.5, 0},
            {-1e-5, 5e-4, -0.03, 1.0, 4e-6},
            {3e-5, 2e-4, 0.005, 0.2, -1e-6}};
        double[][] expected = kerasSteps(gradients);
        INDArray state = Nd4j.create(DataType.FLOAT, 1, 5);
        state.assign(42); // whatever the view held before: initialisation must reset it
        GradientUpdater<?> updater = new KerasRmsProp(LR, RHO, EPS).instantiate(state, true);
        assertEquals(0.0, state.sumNumber().doubleValue(), "the state starts at 0, as K.zeros");
        for (int t = 0; t < gradients.length; t++) {
            INDArray g = Nd4j.createFromArray(gradients[t]).castTo(DataType.FLOAT).reshape(1, 5);
            updater.applyUpdater(g, t, 0);
            for (int i = 0; i < 5; i++) {
                double want = expected[t][i];
                assertEquals(want, g.getDouble(0, i), 1e-5 * Math.abs(want) + 1e-12,
                        "step " + (t + 1) + ", weight " + i);
            }
        }
    }

    @Test
    void dl4jsOwnRmsPropStartsAtEpsilonAndDampsTheFirstSmallSteps() {
        // why KerasRmsProp exists: if this ever fails, DL4J has changed its start and the subclass can go
        INDArray state = Nd4j.create(DataType.FLOAT, 1, 1);
        GradientUpdater<?> dl4j = new org.nd4j.linalg.learning.config.RmsProp(LR, RHO, EPS).instantiate(state, true);
        assertEquals(EPS, state.getDouble(0, 0), 1e-12);
        INDArray g = Nd4j.createFromArray(new float[] {1e-5f}).reshape(1, 1);
        dl4j.applyUpdater(g, 0, 0);
        double keras = kerasSteps(new double[][] {{1e-5}})[0][0];
        assertTrue(g.getDouble(0, 0) < keras / 50, "DL4J " + g.getDouble(0, 0) + " vs Keras " + keras);
    }

    @Test
    void aZeroGradientGivesAZeroUpdate() {
        INDArray state = Nd4j.create(DataType.FLOAT, 1, 3);
        GradientUpdater<?> updater = new KerasRmsProp(LR, RHO, EPS).instantiate(state, true);
        INDArray g = Nd4j.zeros(DataType.FLOAT, 1, 3);
        updater.applyUpdater(g, 0, 0);
        assertEquals(0.0, g.amaxNumber().doubleValue(), "0 / (sqrt(0) + eps) = 0, no NaN");
    }

    @Test
    void aRestoredStateIsKept() {
        INDArray state = Nd4j.create(DataType.FLOAT, 1, 3).assign(0.5);
        new KerasRmsProp(LR, RHO, EPS).instantiate(state, false);
        assertEquals(1.5, state.sumNumber().doubleValue(), 1e-6);
    }

    @Test
    void thePapersNetworkAndTheTransferHeadStartFromZeroAndKeepItThroughSaving(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = PaperCnn.build(16, 2, Protocol.paper(), 1);
        assertInstanceOf(KerasRmsProp.class, ((BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater());
        assertEquals(0.0, net.getUpdater().getStateViewArray().amaxNumber().doubleValue(), "no epsilon-filled start");
        File f = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, f, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(f, true);
        assertInstanceOf(KerasRmsProp.class, ((BaseLayer) back.getLayer(6).conf().getLayer()).getIUpdater());
        MultiLayerNetwork head = TransferHead.from(back, Protocol.paper(), 2).head();
        assertInstanceOf(KerasRmsProp.class, ((BaseLayer) head.getLayer(0).conf().getLayer()).getIUpdater());
        assertEquals(0.0, head.getUpdater().getStateViewArray().amaxNumber().doubleValue(), "a fresh optimiser, from 0");
    }
}
