package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.prepare.PrepareRequest;
import org.tlrepro.core.prepare.PrepareStage;
import org.tlrepro.core.prepare.PreparedData;
import org.tlrepro.core.prepare.PreparedIndex;
import org.tlrepro.core.testing.SyntheticDataset;

/**
 * A class whose dendrogram splits off one image: the stage names that image by its file, so that the user can look
 * at it, and writes nothing.
 */
class ClusterStageOutlierTest {

    private static final String MODEL_FILE = "tiny-keras-cnn.h5";
    /**
     * With this seed the tiny model's embedding of 2 x 20 random-noise images has an outlier in Uninfected (a
     * second-level node of one image under ward linkage); ClusterStageTest's seed has none.
     */
    private static final long SEED = 1;

    @TempDir
    Path tmp;

    @Test
    void aSingleImageNodeNamesTheImageAndWritesNothing() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 20, 20, SEED);
        PreparedData prepared = new PrepareStage(new HttpDownloader()).run(new PrepareRequest(data.manifest(),
                data.sampleList(), null, 1, 12, List.of(new RemoteFile("cell_images.zip", null, null)), data.dir(),
                null, tmp.resolve("prepared"), false, 2)).data();
        Path model = Path.of(getClass().getResource("/org/tlrepro/core/embed/" + MODEL_FILE).toURI());
        Files.copy(model, data.dir().resolve(MODEL_FILE));
        EmbeddingModel tiny = new EmbeddingModel(new RemoteFile(MODEL_FILE, Sha256.ofFile(model), null), "tiny", 16,
                Preprocessing.TF, "avg_pool", 8);
        Path out = tmp.resolve("cluster");

        TlException e = assertThrows(TlException.class, () -> new ClusterStage(new HttpDownloader()).run(
                new ClusterRequest(prepared.dir(), out, tiny, data.dir(), tmp.resolve("cache"), Linkage.WARD,
                        Metric.EUCLIDEAN, false)));

        Matcher alone = Pattern.compile("Alone: ([^/ ]+)/([^ ,]+)\\.(?: |$)").matcher(e.getMessage());
        assertTrue(alone.find(), e.getMessage());
        String className = alone.group(1);
        String file = alone.group(2);
        assertTrue(e.getMessage().startsWith("class " + className + ": "), e.getMessage());
        // the named image is one of that class's prepared images, by the name the user's folder has
        assertTrue(PreparedIndex.read(prepared.index()).rows().stream()
                .anyMatch(r -> r.className().equals(className) && r.filename().equals(file)), e.getMessage());
        assertFalse(Files.exists(out.resolve("cluster.json")));
        assertFalse(Files.exists(out.resolve("assignments.tsv")));
    }
}
