package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradients the paper's network trains with (float, oneDNN's layer helpers on) against the same network in
 * double precision, where DL4J uses no helpers. Guards against a backend whose fast path computes other gradients:
 * measured on DL4J 1.0.0-M2.1, this path agrees to about 2e-6, while DL4J's own float convolution (helpers off) is
 * off by 1-3% and channels-last (NHWC) with oneDNN's convolution helper gives gradients of no use at all.
 */
@ExtendWith(OneNativeThread.class)
class GradientAccuracyTest {

    @Test
    void floatGradientsAtThePapersImageSizeAgreeWithDoublePrecision() {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3, 50, 50);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 2);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 2, 1f);
        }
        MultiLayerNetwork net = PaperCnn.build(50, 2, Protocol.paper(), 1);
        MultiLayerConfiguration conf = PaperCnn.configuration(50, 2, Protocol.paper(), 1);
        conf.setDataType(DataType.DOUBLE);
        MultiLayerNetwork reference = new MultiLayerNetwork(conf);
        reference.init(net.params().castTo(DataType.DOUBLE), true);

        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        reference.setInput(x.castTo(DataType.DOUBLE));
        reference.setLabels(y.castTo(DataType.DOUBLE));
        reference.computeGradientAndScore();

        for (String p : net.paramTable().keySet()) {
            INDArray ours = net.gradient().getGradientFor(p).castTo(DataType.DOUBLE);
            INDArray exact = reference.gradient().getGradientFor(p);
            double relative = ours.sub(exact).norm2Number().doubleValue() / exact.norm2Number().doubleValue();
            assertTrue(relative < 1e-4, p + ": relative error " + relative + " against double precision");
        }
    }
}
