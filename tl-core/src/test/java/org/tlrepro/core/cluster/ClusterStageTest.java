package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.LogCapture;
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

/** The whole {@code tl:cluster} stage on 2 x 20 synthetic images, embedded by a real tiny Keras model. */
class ClusterStageTest {

    private static final String MODEL_FILE = "tiny-keras-cnn.h5";
    private static final int PER_CLASS = 20;
    /**
     * Random-noise images often hold an embedding outlier, which the stage rightly refuses as a single-image
     * node; with this seed every class splits into level-2 nodes of at least 2 images under ward, complete and
     * average linkage alike.
     */
    private static final long SEED = 18;

    @TempDir
    static Path shared;
    static Path mirror;
    static PreparedData prepared;
    static String modelSha256;

    @TempDir
    Path tmp;

    @BeforeAll
    static void prepare() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(shared.resolve("mirror"), PER_CLASS, PER_CLASS, SEED);
        mirror = data.dir();
        prepared = new PrepareStage(new HttpDownloader()).run(new PrepareRequest(data.manifest(), data.sampleList(),
                null, 1, 12, List.of(new RemoteFile("cell_images.zip", null, null)), mirror, null,
                shared.resolve("prepared"), false, 2)).data();
        Path model = Path.of(ClusterStageTest.class.getResource("/org/tlrepro/core/embed/" + MODEL_FILE).toURI());
        Files.copy(model, mirror.resolve(MODEL_FILE));
        modelSha256 = Sha256.ofFile(model);
    }

    private static EmbeddingModel model(String sha256) {
        return new EmbeddingModel(new RemoteFile(MODEL_FILE, sha256, null), "tiny", 16, Preprocessing.TF, "avg_pool",
                8);
    }

    private static ClusterRequest request(Path preparedDir, Path out, Path mirrorDir, Path cache, Linkage linkage,
                                          boolean force) {
        return new ClusterRequest(preparedDir, out, model(modelSha256), mirrorDir, cache, linkage, Metric.EUCLIDEAN,
                force);
    }

    private static ClusterStage.Result run(ClusterRequest request) {
        return new ClusterStage(new HttpDownloader()).run(request);
    }

    /** The embedding cache files under {@code cache}, by name, with their SHA-256. */
    private static Map<String, String> cacheFiles(Path cache) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> s = Files.walk(cache)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files.put(cache.relativize(f).toString(), Sha256.ofFile(f));
            }
        }
        return files;
    }

    private static List<String> namesIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesClusterJsonAndAssignmentsThatAgree() throws Exception {
        Path out = tmp.resolve("cluster");
        ClusterStage.Result result = run(request(prepared.dir(), out, mirror, tmp.resolve("cache"), Linkage.WARD,
                false));
        assertFalse(result.skipped());
        assertEquals(out, result.dir());
        assertTrue(Files.isRegularFile(out.resolve("cluster.json")));
        assertTrue(Files.isRegularFile(out.resolve("assignments.tsv")));

        ClusterResult r = result.result();
        assertEquals(5, r.embedding().dimension());
        assertEquals(2 * PER_CLASS, r.embedding().images());
        assertEquals(2 * PER_CLASS, r.embedding().computed());
        assertEquals(modelSha256, r.embedding().modelSha256());
        assertEquals("avg_pool", r.embedding().featureLayer());
        assertEquals("ward", r.clustering().linkage());
        assertEquals("euclidean", r.clustering().metric());
        assertEquals(16, r.combinations().size());
        assertEquals(List.of("PB", "UB"), r.level1().targetNodes());
        assertEquals(List.of("PA", "UA"), r.level1().sourceNodes());

        JsonNode json = new ObjectMapper().readTree(out.resolve("cluster.json").toFile());
        assertEquals(5, json.get("embedding").get("dimension").asInt());
        assertEquals(2 * PER_CLASS, json.get("embedding").get("computed").asInt());
        assertEquals(16, json.get("combinations").size());
        assertEquals(2, json.get("classes").size());

        // node sizes from cluster.json
        Map<String, Integer> size = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, String> classOfNode = new HashMap<>();
        for (JsonNode c : json.get("classes")) {
            String name = c.get("name").asText();
            int images = c.get("images").asInt();
            assertEquals(PER_CLASS, images, name);
            assertEquals(2, c.get("level1").size(), name);
            assertEquals(4, c.get("level2").size(), name);
            String prefix = c.get("prefix").asText();
            assertEquals(name.substring(0, 1), prefix);
            int level1Sum = 0;
            for (int i = 0; i < 2; i++) {
                JsonNode n = c.get("level1").get(i);
                assertEquals(prefix + (i == 0 ? "A" : "B"), n.get("id").asText());
                size.put(n.get("id").asText(), n.get("size").asInt());
                classOfNode.put(n.get("id").asText(), name);
                level1Sum += n.get("size").asInt();
            }
            assertEquals(images, level1Sum, name);
            assertTrue(size.get(prefix + "A") >= size.get(prefix + "B"), name);
            int level2Sum = 0;
            for (int i = 0; i < 4; i++) {
                JsonNode n = c.get("level2").get(i);
                String id = n.get("id").asText();
                assertEquals(prefix + (i + 1), id);
                assertEquals(prefix + (i < 2 ? "A" : "B"), n.get("parent").asText(), id);
                assertTrue(n.get("size").asInt() >= 2, id);
                size.put(id, n.get("size").asInt());
                parent.put(id, n.get("parent").asText());
                classOfNode.put(id, name);
                level2Sum += n.get("size").asInt();
            }
            assertEquals(images, level2Sum, name);
            assertEquals(size.get(prefix + "A"), size.get(prefix + "1") + size.get(prefix + "2"), name);
            assertEquals(size.get(prefix + "B"), size.get(prefix + "3") + size.get(prefix + "4"), name);
            assertTrue(size.get(prefix + "1") <= size.get(prefix + "2"), name);
            assertTrue(size.get(prefix + "3") <= size.get(prefix + "4"), name);
        }

        // assignments.tsv: one row per prepared image, in index order, every image in exactly one level-2 node
        PreparedIndex index = PreparedIndex.read(prepared.index());
        List<String> lines = Files.readAllLines(out.resolve("assignments.tsv"));
        assertEquals("index\tclass\tfilename\tlevel1\tlevel2", lines.get(0));
        assertEquals(index.rows().size() + 1, lines.size());
        Map<String, Integer> count = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < index.rows().size(); i++) {
            String[] f = lines.get(i + 1).split("\t", -1);
            PreparedIndex.Row row = index.rows().get(i);
            assertEquals(5, f.length, lines.get(i + 1));
            assertEquals(row.index(), Integer.parseInt(f[0]));
            assertTrue(seen.add(row.index()), "row " + row.index() + " twice");
            assertEquals(row.className(), f[1]);
            assertEquals(row.filename(), f[2]);
            assertEquals(parent.get(f[4]), f[3], lines.get(i + 1));
            assertEquals(row.className(), classOfNode.get(f[4]), lines.get(i + 1));
            count.merge(f[3], 1, Integer::sum);
            count.merge(f[4], 1, Integer::sum);
        }
        assertEquals(size, count, "images per node in assignments.tsv vs cluster.json");

        // the combinations' sizes follow from the node sizes
        for (SubsetPair c : r.combinations()) {
            int target = c.targetNodes().stream().mapToInt(size::get).sum();
            assertEquals(target, c.target().size(), c.id());
            assertEquals(2 * PER_CLASS - target, c.source().size(), c.id());
        }
    }

    @Test
    void anUpToDateOutputIsSkippedAndCachedVectorsAreReused() throws Exception {
        Path out = tmp.resolve("cluster");
        Path cache = tmp.resolve("cache");
        ClusterStage.Result first = run(request(prepared.dir(), out, mirror, cache, Linkage.WARD, false));
        assertFalse(first.skipped());
        assertEquals(2 * PER_CLASS, first.result().embedding().computed());
        Map<String, String> cacheBefore = cacheFiles(cache);
        byte[] json = Files.readAllBytes(out.resolve("cluster.json"));

        // an empty mirror: any attempt to embed again would have no model file and fail
        Path emptyMirror = Files.createDirectories(tmp.resolve("empty-mirror"));
        ClusterStage.Result second = run(request(prepared.dir(), out, emptyMirror, cache, Linkage.WARD, false));
        assertTrue(second.skipped());
        assertEquals(first.result().level1(), second.result().level1());
        assertArrayEquals(json, Files.readAllBytes(out.resolve("cluster.json")));
        assertEquals(cacheBefore, cacheFiles(cache));

        Path fresh = tmp.resolve("cluster-forced");
        ClusterStage.Result forced = run(request(prepared.dir(), fresh, emptyMirror, cache, Linkage.WARD, true));
        assertFalse(forced.skipped());
        assertEquals(0, forced.result().embedding().computed());
        assertEquals(2 * PER_CLASS, forced.result().embedding().images());
        assertEquals(first.result().classes(), forced.result().classes());
        assertEquals(first.result().level1(), forced.result().level1());
        assertEquals(first.result().combinations(), forced.result().combinations());
        assertArrayEquals(Files.readAllBytes(out.resolve("assignments.tsv")),
                Files.readAllBytes(fresh.resolve("assignments.tsv")));
        assertEquals(cacheBefore, cacheFiles(cache));

        ClusterStage.Result relinked = run(request(prepared.dir(), out, emptyMirror, cache, Linkage.COMPLETE, false));
        assertFalse(relinked.skipped());
        assertEquals(0, relinked.result().embedding().computed());
        assertEquals("complete", relinked.result().clustering().linkage());
        assertEquals("complete", new ObjectMapper().readTree(out.resolve("cluster.json").toFile())
                .get("clustering").get("linkage").asText());
        assertEquals(cacheBefore, cacheFiles(cache));
    }

    /** Issue 33: one vector scaled by 3 moved the level-1 split and 50 assignments, silently. */
    @Test
    void anEditedVectorIsEmbeddedAgainAndTheClusteringIsUnchanged() throws Exception {
        Path out = tmp.resolve("cluster");
        Path cache = tmp.resolve("cache");
        ClusterStage.Result first = run(request(prepared.dir(), out, mirror, cache, Linkage.WARD, false));
        Path file;
        try (Stream<Path> s = Files.walk(cache)) {
            file = s.filter(f -> f.getFileName().toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        int dimension = first.result().embedding().dimension();
        long firstValue = 12 + 32;
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            for (int k = 0; k < dimension; k++) {
                raf.seek(firstValue + 4L * k);
                float v = Float.intBitsToFloat(Integer.reverseBytes(raf.readInt()));
                raf.seek(firstValue + 4L * k);
                raf.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(3 * v)));
            }
        }

        Path again = tmp.resolve("cluster-again");
        try (LogCapture log = LogCapture.start()) {
            ClusterStage.Result second = run(request(prepared.dir(), again, mirror, cache, Linkage.WARD, false));
            assertTrue(log.text().contains("The embedding cache " + file + " holds 1 vector(s) that do not match "
                    + "their checksum"), log.text());
            assertEquals(1, second.result().embedding().computed(), "only the altered image is embedded again");
            assertEquals(first.result().level1(), second.result().level1());
        }
        assertArrayEquals(Files.readAllBytes(out.resolve("assignments.tsv")),
                Files.readAllBytes(again.resolve("assignments.tsv")));
    }

    /** Issue 33: two builds on one cache each computed every embedding. */
    @Test
    void twoBuildsSharingACacheEmbedEachImageOnce() throws Exception {
        Path cache = tmp.resolve("shared-cache");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> run(request(prepared.dir(), tmp.resolve("build-a"), mirror, cache,
                    Linkage.WARD, false)));
            var b = pool.submit(() -> run(request(prepared.dir(), tmp.resolve("build-b"), mirror, cache,
                    Linkage.WARD, false)));
            int computed = a.get().result().embedding().computed() + b.get().result().embedding().computed();
            assertEquals(2 * PER_CLASS, computed, "every image embedded once, by one of the two builds");
            assertEquals(a.get().result().level1(), b.get().result().level1());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingPreparedDataIsAnErrorPointingToPrepare() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not-prepared"));
        Path out = tmp.resolve("cluster");
        TlException e = assertThrows(TlException.class,
                () -> run(request(empty, out, mirror, tmp.resolve("cache"), Linkage.WARD, false)));
        assertTrue(e.getMessage().contains("tl:prepare"), e.getMessage());
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aModelFileWithTheWrongHashFailsAndWritesNothing() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("results"));
        Path out = parent.resolve("cluster");
        String wrong = "0".repeat(64);
        ClusterRequest request = new ClusterRequest(prepared.dir(), out, model(wrong), mirror, tmp.resolve("cache"),
                Linkage.WARD, Metric.EUCLIDEAN, false);
        TlException e = assertThrows(TlException.class, () -> run(request));
        assertTrue(e.getMessage().contains(MODEL_FILE), e.getMessage());
        assertTrue(e.getMessage().contains(wrong), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), namesIn(parent), "no staging folder is left behind");
    }

    @Test
    void anOriginalChangedAfterPrepareFailsNamingIt() throws Exception {
        // a private copy of the prepared folder, so the shared one stays intact
        Path copy = tmp.resolve("prepared");
        try (Stream<Path> s = Files.walk(prepared.dir())) {
            for (Path p : s.toList()) {
                Path target = copy.resolve(prepared.dir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        PreparedData data = new PreparedData(copy);
        List<PreparedIndex.Row> rows = new ArrayList<>(PreparedIndex.read(data.index()).rows());
        PreparedIndex.Row victim = rows.get(rows.size() - 3);
        Path file = data.original(victim.className(), victim.filename());
        assertTrue(Files.isRegularFile(file), file.toString());
        PreparedIndex.Row other = rows.get(0);
        Files.copy(data.original(other.className(), other.filename()), file, StandardCopyOption.REPLACE_EXISTING);

        Path parent = Files.createDirectories(tmp.resolve("results"));
        Path out = parent.resolve("cluster");
        TlException e = assertThrows(TlException.class,
                () -> run(request(copy, out, mirror, tmp.resolve("empty-cache"), Linkage.WARD, false)));
        assertTrue(e.getMessage().contains(victim.className() + java.io.File.separator + victim.filename()),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dtl.force=true"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), namesIn(parent), "no staging folder is left behind");
    }
}
