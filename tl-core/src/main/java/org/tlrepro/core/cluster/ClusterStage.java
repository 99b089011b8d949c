package org.tlrepro.core.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.embed.EmbeddingCache;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.ImageBatch;
import org.tlrepro.core.embed.KerasEmbedding;
import org.tlrepro.core.exec.LocalExecutor;
import org.tlrepro.core.exec.TaskExecutor;
import org.tlrepro.core.fetch.FetchedFile;
import org.tlrepro.core.fetch.FileFetcher;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.FileLocks;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.prepare.PreparedData;
import org.tlrepro.core.prepare.PreparedIndex;
import org.tlrepro.core.progress.Progress;
import org.tlrepro.core.progress.Stopwatch;
import org.tlrepro.core.stage.Fingerprint;
import org.tlrepro.core.stage.StageDirectory;
import org.tlrepro.core.stage.ToolVersion;

/**
 * {@code tl:cluster}: embeds every prepared image with an ImageNet network (vectors cached by image and model),
 * clusters each class hierarchically, cuts the dendrograms at their first two levels and measures the
 * source/target splits of Tables 2 and 3. Writes {@code cluster.json} and {@code assignments.tsv}.
 */
public final class ClusterStage {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStage.class);
    private static final String FORMAT = "1";
    /** The clustering's file, in the cluster folder and in a published result. */
    private static final int TOP_MERGES = 30;
    static final String PAPER_NETWORK = "Inception V3 (ImageNet), 2,048 values, via Orange's Image Embedding";

    private final HttpDownloader downloader;

    public ClusterStage(HttpDownloader downloader) {
        this.downloader = downloader;
    }

    /** Outcome of a run. */
    public record Result(boolean skipped, Path dir, ClusterResult result) {
    }

    public Result run(ClusterRequest request) {
        return run(request, new LocalExecutor(1));
    }

    /** Clusters, with the images the cache lacks embedded on {@code executor}. */
    public Result run(ClusterRequest request, TaskExecutor executor) {
        PreparedData data = new PreparedData(request.preparedDir()).require();
        PreparedIndex index = PreparedIndex.read(data.index());
        ClusterOutput out = new ClusterOutput(request.outputDir());
        StageDirectory stage = out.stageDirectory();
        Fingerprint fingerprint = fingerprint(request, data);
        Optional<String> stale = stage.staleReason(fingerprint, request.force());
        if (stale.isEmpty()) {
            ClusterResult result = out.readResult();
            LOG.info("Clustering in {} is up to date; skipping (-Dtl.force=true recomputes)", request.outputDir());
            logNodes(result);
            return new Result(true, request.outputDir(), result);
        }
        LOG.info("Clustering, because {}", stale.get());

        Stopwatch embedding = Stopwatch.start();
        EmbeddingCache cache = EmbeddingCache.open(
                EmbeddingCache.fileFor(request.cache().resolve("embeddings"), request.model()), request.lockWait());
        FileFetcher fetcher = new FileFetcher(request.mirror(), request.cache(), downloader);
        Embedded embedded = embedMissing(request, data, index, cache, executor, fetcher);
        double embedSeconds = embedding.seconds();
        float[][] vectors = new float[index.rows().size()][];
        for (PreparedIndex.Row row : index.rows()) {
            vectors[row.index()] = cache.get(row.sha256());
        }

        Stopwatch clustering = Stopwatch.start();
        List<ClassTree> trees = clusterEachClass(request, index, vectors);
        double clusterSeconds = clustering.seconds();

        EmbeddingModel m = request.model();
        // the file that embedded now, else the one at hand (the vectors came from the cache), else the first
        RemoteFile file = embedded.file().map(FetchedFile::file).orElseGet(() -> m.sources().stream()
                .filter(f -> fetcher.locate(f).isPresent()).findFirst().orElse(m.sources().get(0)));
        ClusterResult result = result(request, file, index, vectors, trees, embedded.computed(), embedSeconds,
                clusterSeconds);
        write(stage, fingerprint, result, index, trees);
        logNodes(result);
        return new Result(false, request.outputDir(), result);
    }

    /** What determines the clustering: the prepared images, the embedding model, linkage and metric. */
    private static Fingerprint fingerprint(ClusterRequest request, PreparedData data) {
        return Fingerprint.builder()
                .put("format", FORMAT)
                .put("tl.version", ToolVersion.get())
                .put("prepared.index.sha256", Sha256.ofFile(data.index()))
                .put("model", request.model().identity())
                .put("linkage", request.linkage())
                .put("metric", request.metric())
                .build();
    }

    /** Each class's dendrogram, cut into its first- and second-level nodes. */
    private static List<ClassTree> clusterEachClass(ClusterRequest request, PreparedIndex index, float[][] vectors) {
        String[] imageOfRow = new String[vectors.length]; // for messages: class/file as in the user's folder
        for (PreparedIndex.Row row : index.rows()) {
            imageOfRow[row.index()] = row.className() + "/" + row.filename();
        }
        List<ClassTree> trees = new ArrayList<>();
        for (Map.Entry<String, String> c : prefixes(index).entrySet()) {
            int[] rows = index.rows().stream().filter(r -> r.className().equals(c.getKey()))
                    .mapToInt(PreparedIndex.Row::index).toArray();
            double[][] x = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                x[i] = toDouble(vectors[rows[i]]);
            }
            Stopwatch one = Stopwatch.start();
            Dendrogram d = NearestNeighbourChain.cluster(rows.length, request.metric().condensed(x), request.linkage());
            LOG.info("Clustered {} images of {} ({} linkage, {} distance) in {} s", rows.length, c.getKey(),
                    request.linkage().name().toLowerCase(), request.metric().name().toLowerCase(),
                    String.format("%.1f", one.seconds()));
            trees.add(ClassTree.cut(c.getKey(), c.getValue(), d, rows, request.linkage(), row -> imageOfRow[row]));
        }
        return trees;
    }

    /** cluster.json's content: the embedding, the clustering, each class's tree and the subsets. */
    private static ClusterResult result(ClusterRequest request, RemoteFile file, PreparedIndex index,
                                        float[][] vectors, List<ClassTree> trees, int computed, double embedSeconds,
                                        double clusterSeconds) {
        String[] classOfRow = new String[vectors.length];
        for (PreparedIndex.Row row : index.rows()) {
            classOfRow[row.index()] = row.className();
        }
        Subsets subsets = new Subsets(trees, vectors, classOfRow);
        EmbeddingModel m = request.model();
        return new ClusterResult(ToolVersion.get(),
                new ClusterResult.EmbeddingInfo(m.name(), PAPER_NETWORK, file.name(), file.sha256(), file.md5(),
                        m.architecture().id(), m.inputSize(), m.preprocessing().name().toLowerCase(),
                        m.featureLayer(), vectors[0].length, vectors.length, computed, embedSeconds,
                        NativeBackend.initialize().describe() + "; tl.embedder=" + m.embedder().id()),
                new ClusterResult.ClusteringInfo(request.linkage().name().toLowerCase(),
                        request.metric().name().toLowerCase(), clusterSeconds),
                trees.stream().map(ClusterStage::classInfo).toList(),
                subsets.level1(), subsets.combinations(), definitions());
    }

    /** Writes cluster.json and assignments.tsv in a staging folder that becomes the output whole. */
    private static void write(StageDirectory stage, Fingerprint fingerprint, ClusterResult result,
                              PreparedIndex index, List<ClassTree> trees) {
        Path staging = stage.stage();
        try {
            ClusterOutput staged = new ClusterOutput(staging);
            staged.writeResult(result);
            staged.writeAssignments(assignments(index, trees));
            stage.commit(staging, fingerprint, List.of(ClusterOutput.RESULT, ClusterOutput.ASSIGNMENTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + staging, e);
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }

    /** What {@link #embedMissing} did: how many images it embedded, with which file (none if all were cached). */
    private record Embedded(int computed, Optional<FetchedFile> file) {
    }

    /**
     * Embeds the images the cache lacks. Builds sharing a cache take turns embedding with one model (a lock beside
     * its cache file, released when a build ends, however it ends): a second build waits, then finds the first
     * one's vectors in the cache instead of computing every one again.
     */
    private Embedded embedMissing(ClusterRequest request, PreparedData data, PreparedIndex index,
                                  EmbeddingCache cache, TaskExecutor executor, FileFetcher fetcher) {
        Path turn = cache.file().resolveSibling(cache.file().getFileName() + ".embedding");
        try {
            return FileLocks.withLock(turn, request.lockWait(), () -> {
                cache.refresh();
                return embedMissingNow(request, data, index, cache, executor, fetcher);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the embedding lock " + FileLocks.lockFileOf(turn), e);
        }
    }

    private Embedded embedMissingNow(ClusterRequest request, PreparedData data, PreparedIndex index,
                                     EmbeddingCache cache, TaskExecutor executor, FileFetcher fetcher) {
        Map<String, PreparedIndex.Row> missing = new LinkedHashMap<>();
        for (PreparedIndex.Row row : index.rows()) {
            if (cache.get(row.sha256()) == null) {
                missing.putIfAbsent(row.sha256(), row);
            }
        }
        if (missing.isEmpty()) {
            LOG.info("All {} embeddings are in the cache {}", index.rows().size(), cache.file());
            return new Embedded(0, Optional.empty());
        }
        LOG.info("Embedding {} images ({} from the cache {}) on {}", missing.size(),
                index.rows().size() - missing.size(), cache.file(), executor.describe());
        EmbeddingModel model = request.model();
        FetchedFile file = fetcher.fetchFirst(model.sources());
        List<PreparedIndex.Row> todo = new ArrayList<>(missing.values());
        List<ImageBatch> batches = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += model.batchSize()) {
            List<PreparedIndex.Row> rows = todo.subList(from, Math.min(todo.size(), from + model.batchSize()));
            batches.add(new ImageBatch(rows.stream().map(PreparedIndex.Row::sha256).toList(), rows.stream()
                    .map(r -> data.original(r.className(), r.filename()).toString()).toList()));
        }
        Progress progress = new Progress(LOG, "Embedding with " + model.name(), missing.size(), "images");
        int[] done = {0};
        executor.execute(new KerasEmbedding(file.path().toString(), file.file(), model), batches, images -> { },
                (batch, vectors) -> {
                    cache.put(batch.sha256s(), vectors);
                    done[0] += batch.size();
                    progress.update(done[0]);
                });
        progress.finish(done[0]);
        return new Embedded(done[0], Optional.of(file));
    }

    /** One-letter node prefixes (U, P), or whole class names where initials would clash. */
    static Map<String, String> prefixes(PreparedIndex index) {
        List<String> classes = index.rows().stream().map(PreparedIndex.Row::className).distinct().sorted().toList();
        Map<String, String> prefixes = new LinkedHashMap<>();
        boolean clash = classes.stream().map(c -> c.substring(0, 1).toUpperCase()).distinct().count() < classes.size();
        for (String c : classes) {
            prefixes.put(c, clash ? c + "-" : c.substring(0, 1).toUpperCase());
        }
        return prefixes;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static ClusterResult.ClassInfo classInfo(ClassTree t) {
        List<Dendrogram.Merge> merges = t.dendrogram().merges();
        int first = Math.max(0, merges.size() - TOP_MERGES);
        return new ClusterResult.ClassInfo(t.className(), t.prefix(), t.rows().length,
                t.level1().stream().map(ClusterResult.NodeInfo::of).toList(),
                t.level2().stream().map(ClusterResult.NodeInfo::of).toList(),
                merges.subList(first, merges.size()), t.dendrogram().n() + first);
    }

    private static List<ClusterOutput.Assignment> assignments(PreparedIndex index, List<ClassTree> trees) {
        Map<Integer, String[]> nodeOf = new TreeMap<>();
        for (ClassTree t : trees) {
            for (Node n : t.level2()) {
                for (int row : n.members()) {
                    nodeOf.put(row, new String[] {n.parent(), n.id()});
                }
            }
        }
        List<ClusterOutput.Assignment> out = new ArrayList<>();
        for (PreparedIndex.Row r : index.rows()) {
            String[] n = nodeOf.get(r.index());
            out.add(new ClusterOutput.Assignment(r.index(), r.className(), r.filename(), n[0], n[1]));
        }
        return out;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("centroidCosineSimilarity", "cosine of the angle between the mean embedding vector of the source "
                + "subset and that of the target subset: a.b / (|a| |b|)");
        d.put("centroidCosineDistance", "1 - centroidCosineSimilarity; the paper's Table 3 prints a column "
                + "headed '1-Cosine distance' without saying which of the two it holds");
        d.put("minorityToMajorityPercent", "100 x images of the smallest class / images of the largest class "
                + "in the subset (Figure 3)");
        d.put("level1", "Section 3.2: the larger first-level dendrogram node of each class (A) is the source, "
                + "the smaller (B) the target");
        d.put("combinations", "Section 3.5: one second-level node of each class is the target, all other "
                + "second-level nodes the source (4 x 4 = 16 combinations for two classes, 4^C for C)");
        d.put("nodeNames", "A is the larger child of a class's root, B the smaller; 1 and 2 are A's children, "
                + "3 and 4 B's, each pair in ascending size");
        return d;
    }

    private static void logNodes(ClusterResult r) {
        for (ClusterResult.ClassInfo c : r.classes()) {
            LOG.info("{} ({} images): level 1 {}; level 2 {}", c.name(), c.images(),
                    c.level1().stream().map(n -> n.id() + "=" + n.size()).collect(Collectors.joining(", ")),
                    c.level2().stream().map(n -> n.id() + "=" + n.size()).collect(Collectors.joining(", ")));
        }
        LOG.info("Level-1 split: source {} = {} images, target {} = {} images", r.level1().sourceNodes(),
                r.level1().source().size(), r.level1().targetNodes(), r.level1().target().size());
    }
}
