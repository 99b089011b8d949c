package org.tlrepro.core.report;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.prepare.PrepareSummary;
import org.tlrepro.core.results.Baseline;
import org.tlrepro.core.results.BuildRecords;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.stage.ArtifactVersion;
import org.tlrepro.core.stage.StageDirectory;
import org.tlrepro.core.stage.ToolVersion;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainSummary;

/**
 * The reproducibility record of a report, {@code provenance.json}: when and from which commit it was made, the
 * software it ran on, every {@code tl.*} setting, the fingerprints and output hashes of the stages, the timings,
 * what was reused rather than recomputed, and every run's seed.
 *
 * @param format    this record's format, {@value #FORMAT}
 * @param generated when the report was rendered (UTC)
 * @param results   {@code "this build"}, or the published folder the results were read from
 * @param git       the project's commit, or {@code null} outside a git work tree
 * @param software  tl, Java, OS, Maven, DL4J/ND4J/JavaCPP versions and the numeric backend of the runs
 * @param settings  every {@code tl.*} property set (in the POM or by -D), paths relative to the project folder
 *                  ({@code ~} for the user's home)
 * @param resolved  every setting the results depend on, defaults included, as the stages recorded them: the
 *                  protocol, the network and input, the clustering, the trainer and embedder
 * @param inputs    each stage's {@code fingerprint.json} (what it was computed from) and {@code outputs.json} (the
 *                  hashes of what it wrote), and the embedding model's SHA-256; empty for published results
 * @param seconds   time of each stage; training is the sum over all runs
 * @param reuse     where the archive came from (mirror, cache, download), embeddings computed in the last
 *                  {@code tl:cluster} of all, runs trained by the last {@code tl:train} of all
 * @param seeds     every run's seed
 * @param training  for published results, the provenance of the build that trained them (its
 *                  {@code provenance.json}), apart from this record of the rendering; else {@code null}
 */
public record Provenance(String format, String generated, String results, GitState git,
                         Map<String, String> software, Map<String, String> settings, Map<String, String> resolved,
                         Map<String, Object> inputs, Map<String, Double> seconds, Map<String, Object> reuse,
                         List<Seed> seeds, JsonNode training) {

    public static final String FILE = Baseline.PROVENANCE;
    /** Version 2: format, resolved settings, CPU model, relative paths. */
    public static final String FORMAT = "tl-provenance/2";

    /** A run's seed. */
    public record Seed(String experiment, int scheme, int run, long seed) {
    }

    /** The CPU's model name (Linux: /proc/cpuinfo), else the architecture. */
    static String cpuModel() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (java.io.IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /**
     * @param records   what the stages recorded (nothing is read from their folders here)
     * @param published the published results' folder, or {@code null} for this build's
     */
    public static Provenance collect(BuildRecords records, Path published, Results results, BuildContext build) {
        Map<String, String> software = new LinkedHashMap<>();
        software.put("tl", ToolVersion.get());
        software.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        software.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        software.put("cpu", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        software.put("maven", build.mavenVersion() == null ? "not run by Maven" : build.mavenVersion());
        software.put("deeplearning4j", artifactVersion("org.deeplearning4j", "deeplearning4j-nn"));
        software.put("nd4j-native", artifactVersion("org.nd4j", "nd4j-native"));
        software.put("javacpp", artifactVersion("org.bytedeco", "javacpp"));
        software.put("backend", results.runs().stream().map(RunResult::backend).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; ")));

        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Object> reuse = new LinkedHashMap<>();
        records.stages().forEach((stage, record) -> {
            inputs.put(stage + "/" + StageDirectory.FINGERPRINT, record.fingerprint());
            inputs.put(stage + "/" + StageDirectory.OUTPUTS, new TreeMap<>(record.outputs()));
        });
        PrepareSummary prepared = records.prepared();
        if (prepared != null) {
            seconds.put("prepare", prepared.seconds());
            reuse.put("archive", prepared.archive() + " from the " + prepared.archiveOrigin());
        }
        ClusterResult.EmbeddingInfo embedding = results.clustering().embedding();
        if (embedding != null) {
            Map<String, String> model = new LinkedHashMap<>();
            model.put("file", String.valueOf(embedding.modelFile()));
            model.put("sha256", String.valueOf(embedding.modelSha256()));
            model.put("md5", String.valueOf(embedding.modelMd5()));
            model.put("architecture", String.valueOf(embedding.architecture()));
            inputs.put("model", model);
            seconds.put("embedding", embedding.seconds());
            reuse.put("embeddings computed", embedding.computed() + " of " + embedding.images());
        }
        if (results.clustering().clustering() != null) {
            seconds.put("clustering", results.clustering().clustering().seconds());
        }
        seconds.put("training", results.runs().stream().mapToDouble(RunResult::seconds).sum());
        TrainSummary train = records.training();
        if (train != null && train.trained() != null) {
            reuse.put("runs trained", train.trained() + " of " + train.runs().size());
        }
        List<Seed> seeds = results.runs().stream()
                .map(r -> new Seed(r.experiment(), r.scheme(), r.run(), r.seed())).toList();
        Map<String, String> settings = new TreeMap<>();
        build.settings().forEach((k, v) -> settings.put(k, relative(v, build.projectDir())));
        return new Provenance(FORMAT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                published == null ? "this build" : relative(published.toString(), build.projectDir()),
                GitState.of(build.projectDir()), software, settings, resolved(results), inputs, seconds, reuse,
                seeds, records.trainedBy());
    }

    /** The most ".." a path beside the project is written with; a path further away stays as it is. */
    private static final int MAX_UP = 4;

    /**
     * A path inside the project folder as relative to it; one in the user's home with ~; one beside the project (a
     * folder they share below the file system's root, at most {@value #MAX_UP} levels up) as relative to it, e.g.
     * {@code ../../cache}; anything else (not a path, or far away) as it is. So the published records do not carry
     * the layout of the machine that made them where it does not matter.
     */
    public static String relative(String value, Path projectDir) {
        if (value == null) {
            return null;
        }
        if (projectDir != null) {
            String project = projectDir.toAbsolutePath().normalize().toString();
            if (value.equals(project)) {
                return ".";
            }
            if (value.startsWith(project + File.separator)) {
                return value.substring(project.length() + 1);
            }
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && value.startsWith(home + File.separator)) {
            return "~" + value.substring(home.length());
        }
        return besideProject(value, projectDir).orElse(value);
    }

    private static Optional<String> besideProject(String value, Path projectDir) {
        if (projectDir == null || !value.startsWith(File.separator)) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(value).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        Path project = projectDir.toAbsolutePath().normalize();
        if (path.getNameCount() == 0 || project.getNameCount() == 0 || !path.getName(0).equals(project.getName(0))) {
            return Optional.empty(); // nothing shared below the root
        }
        Path rel = project.relativize(path);
        long up = StreamSupport.stream(rel.spliterator(), false)
                .filter(n -> n.toString().equals("..")).count();
        return up <= MAX_UP ? Optional.of(rel.toString()) : Optional.empty();
    }

    /** The settings the results depend on, as the stages recorded them (so defaults are there too). */
    private static Map<String, String> resolved(Results results) {
        Map<String, String> r = new LinkedHashMap<>();
        ClusterResult.EmbeddingInfo e = results.clustering().embedding();
        if (e != null) {
            r.put("tl.architecture", String.valueOf(e.architecture()));
            r.put("tl.modelName", e.network());
            r.put("tl.inputSize", String.valueOf(e.inputSize()));
            r.put("tl.preprocessing", e.preprocessing());
            r.put("tl.featureLayer", e.featureLayer());
            r.put("tl.embedder", e.backend() != null && e.backend().contains("tl.embedder=")
                    ? e.backend().substring(e.backend().indexOf("tl.embedder=") + 12) : "dl4j");
        }
        if (results.clustering().clustering() != null) {
            r.put("tl.linkage", results.clustering().clustering().linkage());
            r.put("tl.metric", results.clustering().clustering().metric());
        }
        if (results.setup() != null) {
            org.tlrepro.core.train.Protocol p = results.setup().protocol();
            r.put("tl.imageSize", String.valueOf(results.setup().network().imageSize()));
            r.put("tl.epochs", String.valueOf(p.epochs()));
            r.put("tl.batchSize", String.valueOf(p.batchSize()));
            r.put("tl.learningRate", String.valueOf(p.learningRate()));
            r.put("tl.rho", String.valueOf(p.rho()));
            r.put("tl.epsilon", String.valueOf(p.epsilon()));
            r.put("tl.trainFraction", String.valueOf(p.trainFraction()));
            r.put("tl.runs", String.valueOf(p.runs()));
            r.put("tl.table3.runs", String.valueOf(p.table3Runs()));
            r.put("tl.trainSeed", String.valueOf(p.seed()));
        }
        String trainers = results.runs().stream().map(RunResult::backend).filter(Objects::nonNull)
                .map(b -> b.contains("tl.trainer=") ? b.substring(b.indexOf("tl.trainer=") + 11).split("[ ;(]")[0]
                        : "dl4j").distinct().collect(Collectors.joining(", "));
        if (!trainers.isEmpty()) {
            r.put("tl.trainer", trainers);
        }
        return r;
    }

    public void write(Path file) {
        Json.write(file, this);
    }

    static String artifactVersion(String group, String artifact) {
        return ArtifactVersion.of(group, artifact);
    }
}
