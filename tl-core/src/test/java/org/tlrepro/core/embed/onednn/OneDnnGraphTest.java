package org.tlrepro.core.embed.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.embed.keras.KerasApplicationImport;
import org.tlrepro.core.testing.MirrorModel;

/** The oneDNN forward pass against Deeplearning4j's on the same imported graph and input. */
class OneDnnGraphTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void backend() {
        NativeBackend.initialize();
    }

    /** Runs both on random channels-first images; returns the largest difference relative to the largest value. */
    static double compare(ComputationGraph graph, int batch, int size, boolean channelsLastGraph) {
        Random r = new Random(batch * 31L + size);
        float[] nchw = new float[batch * 3 * size * size];
        for (int i = 0; i < nchw.length; i++) {
            nchw[i] = r.nextFloat() * 255 - 120;
        }
        INDArray x = Nd4j.create(nchw, new long[] {batch, 3, size, size}, 'c');
        INDArray want = graph.outputSingle(channelsLastGraph ? x.permute(0, 2, 3, 1).dup('c') : x);
        try (OneDnnGraph g = new OneDnnGraph(graph, batch, size)) {
            g.input().put(nchw);
            float[][] got = g.run();
            assertEquals(want.size(1), g.dimension());
            double scale = want.amaxNumber().doubleValue();
            double error = 0;
            for (int i = 0; i < batch; i++) {
                for (int k = 0; k < g.dimension(); k++) {
                    error = Math.max(error, Math.abs(got[i][k] - want.getDouble(i, k)));
                }
            }
            return error / scale;
        }
    }

    @Test
    void resNet50IsDl4jsToOneInTenThousand() throws Exception {
        Optional<Path> mirror = MirrorModel.find();
        assumeTrue(mirror.isPresent(), "the mirror's ResNet50 is not on this machine");
        ComputationGraph full = KerasModelImport.importKerasModelAndWeights(mirror.get().toString(), false);
        ComputationGraph cut = new TransferLearning.GraphBuilder(full).removeVertexAndConnections("fc1000")
                .setOutputs("avg_pool").build();
        assertEquals(Optional.empty(), OneDnnGraph.unsupported(cut));
        double relative = compare(cut, 3, 64, true);
        assertTrue(relative < 1e-4, "largest difference " + relative + " of the largest value");
    }

    @Test
    void inceptionV3WithConcatenationsIsDl4js() {
        Path file = org.tlrepro.core.embed.keras.KerasApplicationImportTestAccess.randomWeights(
                Architecture.INCEPTION_V3, tmp.resolve("inception.h5"));
        ComputationGraph graph = KerasApplicationImport.build(Architecture.INCEPTION_V3, 75, file);
        assertEquals(Optional.empty(), OneDnnGraph.unsupported(graph));
        double relative = compare(graph, 2, 75, true);
        assertTrue(relative < 1e-4, "largest difference " + relative + " of the largest value");
    }
}
