package org.tlrepro.core.embed.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tlrepro.core.TlException;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.KerasEmbedder;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.testing.KerasWeightsWriter;
import org.tlrepro.core.testing.MirrorModel;

/**
 * tl's own ResNet50 against the real ImageNet weights: the mirror's whole model file and a weights-only file made
 * from it (as Keras's {@code save_weights} writes one) give the same network, and both reproduce the committed probe
 * vectors; a file with one layer's weights changed does not. Needs the mirror's ResNet50 ({@link MirrorModel}),
 * which CI has; elsewhere the tests are skipped, saying so.
 */
class ResNet50WeightsOnlyTest {

    @TempDir
    static Path tmp;

    private static Path full;
    private static Path weightsOnly;

    @BeforeAll
    static void files() {
        Optional<Path> mirror = MirrorModel.find();
        assumeTrue(mirror.isPresent(), "the mirror's " + MirrorModel.FILE_NAME + " is not on this machine");
        full = mirror.get();
        weightsOnly = KerasWeightsWriter.weightsOnlyCopy(full, tmp.resolve("resnet50-weights-only.h5"));
        NativeBackend.initialize();
    }

    private static EmbeddingModel resnet50(Path file) {
        return new EmbeddingModel(List.of(new RemoteFile(file.getFileName().toString(), null, null)),
                Architecture.RESNET50, "ResNet50 (ImageNet)", 64, Preprocessing.CAFFE, "avg_pool", 8);
    }

    @Test
    void theWeightsOnlyNetworkIsTheWholeModelsUpToAvgPool() throws Exception {
        assertTrue(KerasWeightsFile.isFullModel(full));
        assertTrue(!KerasWeightsFile.isFullModel(weightsOnly));
        ComputationGraph imported = KerasModelImport.importKerasModelAndWeights(full.toString(), false);
        ComputationGraph built = KerasApplicationImport.build(Architecture.RESNET50, 64, weightsOnly);
        INDArray input = Nd4j.rand(DataType.FLOAT, 2, 64, 64, 3).muli(255).subi(120);
        INDArray want = imported.feedForward(input, false).get("avg_pool");
        INDArray got = built.outputSingle(input);
        assertEquals(List.of(2L, 2048L), List.of(got.size(0), got.size(1)));
        double error = got.sub(want).amaxNumber().doubleValue();
        assertTrue(error <= 1e-6 * want.amaxNumber().doubleValue(), "largest difference " + error);
    }

    @Test
    void bothFilesReproduceTheProbeVectors() {
        // load() checks the probe; it throws if a vector is off by more than 1e-4 of its largest value
        assertEquals(2048, KerasEmbedder.load(full, resnet50(full)).dimension());
        assertEquals(2048, KerasEmbedder.load(weightsOnly, resnet50(weightsOnly)).dimension());
    }

    @Test
    void aFileWithOtherWeightsIsRefusedByTheProbeNamingIt() {
        Path spoiled = KerasWeightsWriter.weightsOnlyCopy(full, tmp.resolve("spoiled.h5"),
                l -> l.name().equals("res5c_branch2c") ? KerasWeightsWriter.scaled(l, 1.01f) : l);
        TlException e = assertThrows(TlException.class, () -> KerasEmbedder.load(spoiled, resnet50(spoiled)));
        assertTrue(e.getMessage().contains(spoiled.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not reproduce the committed probe vectors"), e.getMessage());
    }
}
