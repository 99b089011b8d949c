package org.tlrepro.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlrepro.core.TlException;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.testing.SyntheticDataset;

/**
 * Imports a real (tiny) Keras model file with Deeplearning4j and checks its embedding against values computed
 * independently with numpy by {@code src/test/keras/make_tiny_keras_model.py}.
 */
class KerasEmbedderTest {

    static final Path MODEL = resource("tiny-keras-cnn.h5");

    static Path resource(String name) {
        try {
            return Path.of(KerasEmbedderTest.class.getResource(name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static EmbeddingModel model(Preprocessing preprocessing, String layer) {
        return new EmbeddingModel(new RemoteFile("tiny-keras-cnn.h5", null, null), "tiny", 16, preprocessing, layer, 8);
    }

    /** The image the script uses: RGB value (y * 16 + x * 3 + c * 50) mod 256, as a PNG. */
    static byte[] testImage() {
        try (Mat bgr = new Mat(16, 16, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            byte[] pixels = new byte[16 * 16 * 3];
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    for (int c = 0; c < 3; c++) {
                        // OpenCV stores BGR: channel c of RGB goes to position 2 - c
                        pixels[(y * 16 + x) * 3 + (2 - c)] = (byte) ((y * 16 + x * 3 + c * 50) % 256);
                    }
                }
            }
            bgr.data().put(pixels);
            return SyntheticDataset.encodePng(bgr);
        }
    }

    @ParameterizedTest
    @EnumSource(Preprocessing.class)
    void embeddingMatchesAnIndependentComputation(Preprocessing preprocessing) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource("tiny-keras-cnn-expected.json").toFile())
                .get(preprocessing.name().toLowerCase());
        KerasEmbedder embedder = KerasEmbedder.load(MODEL, model(preprocessing, "avg_pool"));
        assertEquals(expected.size(), embedder.dimension());
        assertTrue(embedder.channelsFirst(), "the verified channels-first copy should be in use");
        float[][] vectors = embedder.embed(List.of(testImage(), testImage()), List.of("a", "b"));
        assertEquals(2, vectors.length);
        for (int i = 0; i < expected.size(); i++) {
            double want = expected.get(i).asDouble();
            assertEquals(want, vectors[0][i], 1e-4 * Math.max(1, Math.abs(want)), "value " + i);
            assertEquals(vectors[0][i], vectors[1][i]);
        }
    }

    @Test
    void oneDnnRunsTheGraphAndALayerItDoesNotKnowFallsBackToDl4j() {
        EmbeddingModel onOneDnn = new EmbeddingModel(java.util.List.of(new RemoteFile("tiny-keras-cnn.h5", null, null)),
                org.tlrepro.core.embed.keras.Architecture.KERAS_MODEL, "tiny", 16, Preprocessing.TF, "avg_pool", 8,
                EmbedderKind.ONEDNN);
        assertTrue(KerasEmbedder.load(MODEL, onOneDnn).engine().startsWith("oneDNN"));
        // a dense layer with softmax is no vertex oneDNN runs here: Deeplearning4j embeds, with the same contract
        EmbeddingModel dense = new EmbeddingModel(onOneDnn.sources(), onOneDnn.architecture(), "tiny", 16,
                Preprocessing.TF, "predictions", 8, EmbedderKind.ONEDNN);
        KerasEmbedder fallback = KerasEmbedder.load(MODEL, dense);
        assertEquals("Deeplearning4j", fallback.engine());
        float[][] v = fallback.embed(List.of(testImage()), List.of("a"));
        assertEquals(1.0, v[0][0] + v[0][1], 1e-5, "softmax probabilities");
    }

    @Test
    void anUnknownLayerIsAnErrorNamingTheFileAndTheLayers() {
        TlException e = assertThrows(TlException.class,
                () -> KerasEmbedder.load(MODEL, model(Preprocessing.TF, "no_such_layer")));
        assertTrue(e.getMessage().contains("no_such_layer"), e.getMessage());
        assertTrue(e.getMessage().contains("tiny-keras-cnn.h5"), e.getMessage());
        assertTrue(e.getMessage().contains("avg_pool"), e.getMessage());
    }

    @Test
    void aLayerWithoutOneVectorPerImageIsAnError() {
        TlException e = assertThrows(TlException.class,
                () -> KerasEmbedder.load(MODEL, model(Preprocessing.TF, "conv2")));
        assertTrue(e.getMessage().contains("tl.featureLayer"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAKerasModelIsAnError() throws Exception {
        Path bogus = java.nio.file.Files.createTempFile("not-a-model", ".h5");
        java.nio.file.Files.writeString(bogus, "not hdf5");
        TlException e = assertThrows(TlException.class,
                () -> KerasEmbedder.load(bogus, model(Preprocessing.TF, "avg_pool")));
        assertTrue(e.getMessage().contains(bogus.toString()), e.getMessage());
        java.nio.file.Files.delete(bogus);
    }
}
