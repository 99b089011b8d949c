package org.tlrepro.core.embed.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tlrepro.core.TlException;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.testing.KerasWeightsWriter;

/**
 * tl's own Keras Applications networks, for Keras's weights-only files: their structure (parameter counts as Keras
 * reports them, output size, layer names and shapes a weights file must have), loading by name and by Keras's
 * numbering, and refusing a file of another network. (Against the real ResNet50 weights: {@code
 * ResNet50WeightsOnlyTest}.)
 */
class KerasApplicationImportTest {

    @TempDir
    Path tmp;

    @Test
    void parameterCountsAreKerasApplications() {
        // keras_applications 1.0.8, include_top=False: ResNet50 23,587,712; InceptionV3 21,802,784 (BN without gamma)
        assertEquals(23_587_712L, KerasApplicationImport.template(Architecture.RESNET50).parameterCount());
        assertEquals(21_802_784L, KerasApplicationImport.template(Architecture.INCEPTION_V3).parameterCount());
    }

    @Test
    void inceptionV3HasKerasLayerNamesAndShapes() {
        KerasWeights w = KerasApplicationImport.template(Architecture.INCEPTION_V3);
        assertEquals(188, w.layers().size(), "94 conv2d and 94 batch_normalization layers");
        KerasWeights.Layer first = w.layers().get(0);
        assertEquals("conv2d_1", first.name());
        assertArrayEquals(new long[] {3, 3, 3, 32}, first.weights().get(0).shape());
        assertEquals(1, first.weights().size(), "no bias");
        KerasWeights.Layer bn = w.layers().get(1);
        assertEquals("batch_normalization_1", bn.name());
        assertEquals(List.of("batch_normalization_1/beta:0", "batch_normalization_1/moving_mean:0",
                "batch_normalization_1/moving_variance:0"), bn.weights().stream().map(KerasWeights.Weight::name)
                .toList(), "scale=False: no gamma");
        KerasWeights.Layer last = w.layers().get(w.layers().size() - 2);
        assertEquals("conv2d_94", last.name());
        assertArrayEquals(new long[] {1, 1, 2048, 192}, last.weights().get(0).shape(), "mixed10's pool branch");
    }

    @Test
    void aSyntheticInceptionV3WeightsFileLoadsAndGives2048Values() {
        Path file = KerasWeightsWriterHelper.random(Architecture.INCEPTION_V3, tmp.resolve("inception.h5"), 1, false);
        NativeBackend.initialize();
        ComputationGraph graph = KerasApplicationImport.build(Architecture.INCEPTION_V3, 75, file);
        INDArray out = graph.outputSingle(Nd4j.rand(DataType.FLOAT, 2, 75, 75, 3));
        assertArrayEquals(new long[] {2, 2048}, out.shape());
        assertTrue(out.amaxNumber().doubleValue() > 0, "the weights are in use");
    }

    @Test
    void unnamedLayersNumberedAnotherWayLoadTheSameWeights() {
        // TensorFlow 2 numbers Keras's unnamed layers conv2d, conv2d_1, ...; Keras 2.2.4 conv2d_1, conv2d_2, ...
        Path keras = KerasWeightsWriterHelper.random(Architecture.INCEPTION_V3, tmp.resolve("keras224.h5"), 7, false);
        Path tf2 = KerasWeightsWriterHelper.random(Architecture.INCEPTION_V3, tmp.resolve("tf2.h5"), 7, true);
        NativeBackend.initialize();
        INDArray input = Nd4j.rand(DataType.FLOAT, 1, 75, 75, 3);
        INDArray a = KerasApplicationImport.build(Architecture.INCEPTION_V3, 75, keras).outputSingle(input);
        INDArray b = KerasApplicationImport.build(Architecture.INCEPTION_V3, 75, tf2).outputSingle(input);
        assertEquals(a, b);
    }

    @Test
    void aFileOfAnotherNetworkIsRefusedNamingIt() {
        Path inception = KerasWeightsWriterHelper.random(Architecture.INCEPTION_V3, tmp.resolve("inception.h5"), 1,
                false);
        TlException e = assertThrows(TlException.class,
                () -> KerasApplicationImport.build(Architecture.RESNET50, 64, inception));
        assertTrue(e.getMessage().contains(inception.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("conv1"), e.getMessage());
    }

    @Test
    void aWeightOfTheWrongShapeIsRefusedBeforeAnythingIsCopied() {
        KerasWeights t = KerasApplicationImport.template(Architecture.RESNET50);
        List<KerasWeights.Layer> layers = new ArrayList<>(t.layers());
        KerasWeights.Weight kernel = layers.get(0).weights().get(0);
        layers.set(0, new KerasWeights.Layer("conv1", List.of(
                new KerasWeights.Weight(kernel.name(), new long[] {3, 3, 3, 64}, new float[3 * 3 * 3 * 64]),
                layers.get(0).weights().get(1))));
        Path file = tmp.resolve("bad.h5");
        KerasWeightsWriter.write(file, layers);
        TlException e = assertThrows(TlException.class,
                () -> KerasApplicationImport.build(Architecture.RESNET50, 64, file));
        assertTrue(e.getMessage().contains("conv1/kernel:0") && e.getMessage().contains("[7, 7, 3, 64]"),
                e.getMessage());
    }

    /** Random weights-only files of an architecture, as Keras 2.2.4 or TensorFlow 2 would number their layers. */
    static final class KerasWeightsWriterHelper {
        private static final Pattern AUTO = Pattern.compile("(conv2d|batch_normalization)_(\\d+)(.*)");

        static Path random(Architecture architecture, Path file, long seed, boolean tf2Numbering) {
            Random random = new Random(seed);
            List<KerasWeights.Layer> layers = new ArrayList<>();
            for (KerasWeights.Layer l : KerasApplicationImport.template(architecture).layers()) {
                List<KerasWeights.Weight> weights = new ArrayList<>();
                for (KerasWeights.Weight w : l.weights()) {
                    float[] v = new float[w.values().length];
                    boolean variance = w.name().contains("moving_variance");
                    for (int i = 0; i < v.length; i++) {
                        v[i] = variance ? 1 + random.nextFloat() : (float) random.nextGaussian() * 0.05f;
                    }
                    weights.add(new KerasWeights.Weight(tf2Numbering ? renumber(w.name()) : w.name(), w.shape(), v));
                }
                layers.add(new KerasWeights.Layer(tf2Numbering ? renumber(l.name()) : l.name(), weights));
            }
            KerasWeightsWriter.write(file, layers);
            return file;
        }

        private static String renumber(String name) {
            Matcher m = AUTO.matcher(name);
            if (!m.matches()) {
                return name;
            }
            int n = Integer.parseInt(m.group(2)) - 1;
            String base = n == 0 ? m.group(1) : m.group(1) + "_" + n;
            return base + m.group(3);
        }
    }
}
