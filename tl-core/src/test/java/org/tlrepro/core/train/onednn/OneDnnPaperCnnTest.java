package org.tlrepro.core.train.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.train.PaperCnn;
import org.tlrepro.core.train.Protocol;

/**
 * The oneDNN step against Deeplearning4j's own backpropagation of the same network in double precision: loss,
 * every parameter's gradient (normwise relative difference at most 1e-4) and the forward pass's probabilities, for
 * batch sizes that are and are not multiples of 16, two image sizes and two class counts.
 */
class OneDnnPaperCnnTest {

    private static final String[] PARAMS = {"0_W", "0_b", "1_W", "1_b", "3_W", "3_b", "5_W", "5_b", "6_W", "6_b"};

    @ParameterizedTest
    @CsvSource({"50, 2, 16", "50, 2, 5", "20, 3, 7"})
    void gradientsAndLossAreDl4jsInDoublePrecision(int size, int classes, int batch) {
        NativeBackend.initialize();
        MultiLayerNetwork net = PaperCnn.build(size, classes, Protocol.paper(), 11);
        MultiLayerConfiguration conf = PaperCnn.configuration(size, classes, Protocol.paper(), 11);
        conf.setDataType(DataType.DOUBLE);
        MultiLayerNetwork reference = new MultiLayerNetwork(conf);
        reference.init(net.params().castTo(DataType.DOUBLE).dup(), true);

        Random random = new Random(size * 31L + batch);
        float[] images = new float[batch * 3 * size * size];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        int[] labels = new int[batch];
        INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, batch, classes);
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
            oneHot.putScalar(i, labels[i], 1.0);
        }
        INDArray x = Nd4j.create(images, new long[] {batch, 3, size, size}, 'c').castTo(DataType.DOUBLE);
        reference.setInput(x);
        reference.setLabels(oneHot);
        reference.computeGradientAndScore();
        Gradient want = reference.gradient();

        PlainWeights.Shape shape = PlainWeights.Shape.of(size, classes);
        PlainWeights weights = PlainWeights.of(net, shape);
        PlainWeights got = PlainWeights.zeros(shape);
        try (OneDnnPaperCnn cnn = new OneDnnPaperCnn(size, classes, batch)) {
            cnn.input().put(images);
            double loss = cnn.step(weights, labels, got);
            assertEquals(reference.score(), loss, 1e-5 * Math.abs(reference.score()), "mean cross-entropy");

            float[][] ours = got.all();
            Map<String, INDArray> theirs = want.gradientForVariable();
            for (int k = 0; k < PARAMS.length; k++) {
                // Deeplearning4j's gradient is of the summed loss; the updater divides by the batch size
                double[] expected = theirs.get(PARAMS[k]).dup('c').div(batch).data().asDouble();
                double diff = 0;
                double norm = 0;
                for (int i = 0; i < expected.length; i++) {
                    diff += (ours[k][i] - expected[i]) * (ours[k][i] - expected[i]);
                    norm += expected[i] * expected[i];
                }
                double relative = Math.sqrt(diff / Math.max(norm, 1e-30));
                assertTrue(relative <= 1e-4, PARAMS[k] + ": normwise relative difference " + relative);
            }

            float[][] probabilities = cnn.predict(weights);
            INDArray expected = net.output(x.castTo(DataType.FLOAT), false);
            for (int i = 0; i < batch; i++) {
                for (int c = 0; c < classes; c++) {
                    assertEquals(expected.getDouble(i, c), probabilities[i][c], 1e-5, "probability " + i + "," + c);
                }
            }
        }
    }
}
