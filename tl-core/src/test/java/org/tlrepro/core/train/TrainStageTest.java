package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.LogCapture;
import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.SubsetPair;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.prepare.PrepareSummary;
import org.tlrepro.core.prepare.PreparedIndex;
import org.tlrepro.core.tensor.Npy;

/**
 * tl:train end to end on 80 synthetic 50x50 images, without tl:prepare or tl:cluster: their output files are
 * written here by hand. Per class (row i has class i % 2), images 0-11 of the class form node 1, 12-23 node 2
 * (both under level-1 node A, the source), 24-31 node 3 and 32-39 node 4 (under B, the target).
 */
@ExtendWith(OneNativeThread.class)
class TrainStageTest {

    static final int PER_CLASS = 40;
    static final Protocol PROTOCOL = new Protocol(1, 16, 1e-4, 0.9, 1e-7, 0.7, 2, 1, 42);
    static final List<String> COMBINATIONS = List.of("P1+U1", "P3+U4");
    /** 2 runs x 4 schemes for Table 2, 1 run x 2 schemes for each combination. */
    static final int ALL = 2 * 4 + COMBINATIONS.size() * 2;

    @TempDir
    static Path base;
    static TrainStage.Result first;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws IOException {
        writeInputs(base, 0);
        first = new TrainStage().run(request(base, PROTOCOL, false));
    }

    // ---- inputs ---------------------------------------------------------------------------------------------

    static void writeInputs(Path root, int brightnessShift) throws IOException {
        Path prepared = Files.createDirectories(root.resolve("prepared"));
        Path cluster = Files.createDirectories(root.resolve("cluster"));
        int n = 2 * PER_CLASS;
        int size = 50;
        byte[] pixels = new byte[n * size * size * 3];
        Random random = new Random(7);
        List<PreparedIndex.Row> rows = new ArrayList<>();
        StringBuilder assignments = new StringBuilder("index\tclass\tfilename\tlevel1\tlevel2\n");
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            String className = label == 0 ? "Parasitized" : "Uninfected";
            String prefix = className.substring(0, 1);
            String filename = "img" + i + ".png";
            int mean = (label == 0 ? 70 : 180) + brightnessShift;
            for (int p = 0; p < size * size * 3; p++) {
                pixels[i * size * size * 3 + p] = (byte) Math.max(0, Math.min(255, mean + random.nextInt(61) - 30));
            }
            rows.add(new PreparedIndex.Row(i, label, className, filename,
                    Sha256.hex(filename.getBytes(StandardCharsets.UTF_8))));
            int k = i / 2;
            int node = k < 12 ? 1 : k < 24 ? 2 : k < 32 ? 3 : 4;
            assignments.append(i).append('\t').append(className).append('\t').append(filename).append('\t')
                    .append(prefix).append(node <= 2 ? "A" : "B").append('\t').append(prefix).append(node).append('\n');
        }
        Npy.write(prepared.resolve("images.npy"), new Npy.UInt8Tensor(new int[] {n, size, size, 3}, pixels));
        Files.writeString(prepared.resolve("index.tsv"), new PreparedIndex(rows).toTsv());
        new ObjectMapper().writeValue(prepared.resolve("prepare.json").toFile(), new PrepareSummary("test", size, n,
                List.of(new PrepareSummary.ClassCount("Parasitized", 0, PER_CLASS),
                        new PrepareSummary.ClassCount("Uninfected", 1, PER_CLASS)), "test.zip", "mirror", 0));
        Files.writeString(cluster.resolve("assignments.tsv"), assignments);

        List<String> level2 = List.of("P1", "P2", "P3", "P4", "U1", "U2", "U3", "U4");
        List<SubsetPair> combinations = COMBINATIONS.stream().map(id -> {
            List<String> target = List.of(id.split("\\+"));
            return new SubsetPair(id, target, level2.stream().filter(s -> !target.contains(s)).toList(), null, null,
                    0.9, 0.1);
        }).toList();
        ClusterResult clusters = new ClusterResult("test", null, null, List.of(),
                new SubsetPair("level1", List.of("PB", "UB"), List.of("PA", "UA"), null, null, 0.9, 0.1),
                combinations, Map.of());
        new ObjectMapper().writeValue(cluster.resolve("cluster.json").toFile(), clusters);
    }

    static TrainRequest request(Path root, Protocol protocol, boolean force) {
        return new TrainRequest(root.resolve("prepared"), root.resolve("cluster"), root.resolve("runs"), protocol,
                true, 1, force);
    }

    /** A copy of the base folder (inputs and the ledger of the first training) to change. */
    Path copyOfBase() throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(base.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return dir;
    }

    /**
     * Hash and time of every ledger file (train.json, the summary of the last call, and run-key.json, the key of the
     * last call, are not ledger files).
     */
    static Map<String, String> snapshot(Path root) {
        Path runs = root.resolve("runs");
        try (Stream<Path> files = Files.walk(runs)) {
            Map<String, String> out = new TreeMap<>();
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.equals(TrainStage.summaryFile(runs)))
                    .filter(f -> !f.equals(runs.resolve(RunKey.FILE))).toList()) {
                out.put(runs.relativize(f).toString(),
                        Sha256.ofFile(f) + " " + Files.getLastModifiedTime(f).toMillis());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path ledgerFile(Path root, String experiment, int scheme, int run, String suffix) {
        Path folder = root.resolve("runs").resolve(experiment);
        try (Stream<Path> files = Files.list(folder)) {
            String prefix = String.format("scheme%d-run%02d-", scheme, run);
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), prefix + "*" + suffix + " in " + folder);
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunResult find(List<RunResult> runs, String experiment, int scheme, int run) {
        return runs.stream().filter(r -> r.experiment().equals(experiment) && r.scheme() == scheme && r.run() == run)
                .findFirst().orElseThrow(() -> new AssertionError(experiment + " scheme " + scheme + " run " + run));
    }

    /**
     * What a recomputed run must reproduce, bit for bit: everything but its timings. Same seeds and one native
     * thread per job give the same floating-point operations in the same order, whichever job runs them.
     */
    static void assertSameOutcome(RunResult expected, RunResult actual) {
        assertEquals(expected.fingerprint(), actual.fingerprint());
        assertEquals(expected.seed(), actual.seed());
        assertEquals(expected.trainSize(), actual.trainSize());
        assertEquals(expected.testSize(), actual.testSize());
        assertEquals(expected.testAccuracy(), actual.testAccuracy(), 0.0);
        assertEquals(expected.testLoss(), actual.testLoss(), 0.0);
        assertEquals(expected.epochLosses(), actual.epochLosses());
        assertEquals(expected.confusion(), actual.confusion());
        assertEquals(expected.majorityRate(), actual.majorityRate(), 0.0);
    }

    static Map<String, String> without(Map<String, String> snapshot, Set<String> names) {
        return snapshot.entrySet().stream().filter(e -> !names.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    // ---- tests ----------------------------------------------------------------------------------------------

    @Test
    void recordsEveryRunOfTable2AndTable3() {
        assertEquals(ALL, first.trained());
        assertEquals(0, first.reused());
        assertEquals(ALL, first.runs().size());
        Set<String> keys = first.runs().stream().map(r -> r.experiment() + "/" + r.scheme() + "/" + r.run())
                .collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        for (int run = 1; run <= 2; run++) {
            for (int scheme = 1; scheme <= 4; scheme++) {
                expected.add("table2/" + scheme + "/" + run);
            }
        }
        for (String c : COMBINATIONS) {
            expected.add("table3/" + c + "/1/1");
            expected.add("table3/" + c + "/4/1");
        }
        assertEquals(expected, keys);
        assertEquals(new HashSet<>(first.runs()), new HashSet<>(new RunLedger(base.resolve("runs")).all()));
        assertEquals(ALL, first.runs().stream().map(RunResult::fingerprint).distinct().count());
        for (RunResult r : first.runs()) {
            assertTrue(r.testAccuracy() >= 0 && r.testAccuracy() <= 1, r.toString());
            assertTrue(Double.isFinite(r.testLoss()) && r.testLoss() > 0, r.toString());
            assertEquals(PROTOCOL.epochs(), r.epochLosses().size());
            assertNotEquals(0L, r.seed());
            assertTrue(r.seconds() > 0 && r.imagesPerSecond() > 0, r.toString());
            assertFalse(r.backend().isBlank());
            // the confusion matrix counts every test image once; its diagonal is the accuracy
            assertEquals(2, r.confusion().size(), r.toString());
            int total = r.confusion().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
            int right = r.confusion().get(0).get(0) + r.confusion().get(1).get(1);
            assertEquals(r.testSize(), total, r.toString());
            assertEquals(r.testAccuracy(), right / (double) total, 1e-12, r.toString());
            int largest = Math.max(r.confusion().get(0).stream().mapToInt(Integer::intValue).sum(),
                    r.confusion().get(1).stream().mapToInt(Integer::intValue).sum());
            assertEquals(largest / (double) total, r.majorityRate(), 1e-12, "majority class of the test part");
        }
    }

    @Test
    void schedulesTable2FirstThenTable3RunByRun() {
        Experiment t2 = new Experiment("table2", new int[0], new int[0], List.of(1, 2, 3, 4), 2, "k");
        Experiment a = new Experiment("table3/P1+U1", new int[0], new int[0], List.of(1, 4), 2, "k");
        Experiment b = new Experiment("table3/P1+U2", new int[0], new int[0], List.of(1, 4), 2, "k");
        List<String> order = Schedule.of(List.of(t2, a, b), 42).stream()
                .map(u -> u.experiment().name() + " " + u.run()).toList();
        assertEquals(List.of("table2 1", "table2 2", "table3/P1+U1 1", "table3/P1+U2 1", "table3/P1+U1 2",
                "table3/P1+U2 2"), order);
        assertEquals(Schedule.seed(42, "table3/P1+U2", 2), Schedule.of(List.of(t2, a, b), 42).get(5).seed(),
                "a run's seed does not depend on when it is trained");
    }

    @Test
    void splitsAsSection34Says() {
        for (int run = 1; run <= 2; run++) {
            // target PB+UB = 16 + 16 images: round(0.7 x 16) = 11 per class for training, 5 per class for testing
            RunResult s1 = find(first.runs(), "table2", 1, run);
            for (int scheme = 1; scheme <= 4; scheme++) {
                RunResult r = find(first.runs(), "table2", scheme, run);
                assertEquals(10, r.testSize(), "the same test part for every scheme, " + r);
                assertEquals(s1.seed(), r.seed(), "one seed per run");
            }
            assertEquals(22, s1.trainSize());
            assertEquals(48, find(first.runs(), "table2", 2, run).trainSize(), "the whole source PA+UA");
            assertEquals(48 + 22, find(first.runs(), "table2", 3, run).trainSize(), "source + target train part");
            assertEquals(22, find(first.runs(), "table2", 4, run).trainSize());
        }
        assertNotEquals(find(first.runs(), "table2", 1, 1).seed(), find(first.runs(), "table2", 1, 2).seed());
        // P1+U1: 12 + 12 images -> 8 + 8 to train; P3+U4: 8 + 8 -> 6 + 6
        assertEquals(16, find(first.runs(), "table3/P1+U1", 1, 1).trainSize());
        assertEquals(8, find(first.runs(), "table3/P1+U1", 4, 1).testSize());
        assertEquals(12, find(first.runs(), "table3/P3+U4", 4, 1).trainSize());
        assertEquals(4, find(first.runs(), "table3/P3+U4", 1, 1).testSize());
    }

    @Test
    void writesTheCurrentRunsToTrainJson() throws IOException {
        Path root = copyOfBase();
        TrainStage.Result result = new TrainStage().run(request(root, PROTOCOL, false));
        TrainSummary summary = org.tlrepro.core.io.Json.MAPPER.readValue(
                TrainStage.summaryFile(root.resolve("runs")).toFile(), TrainSummary.class);
        assertEquals(new HashSet<>(result.runs()), new HashSet<>(summary.runs()));
        assertEquals(PROTOCOL, summary.protocol());
        // Table 1 of the network trained on these 50x50 images of two classes: the paper's 848,226 parameters
        assertEquals(50, summary.network().imageSize());
        assertEquals(List.of("Parasitized", "Uninfected"), summary.network().classes());
        assertEquals(PaperCnn.PAPER_PARAMETERS, summary.network().parameters());
        assertEquals("(None, 2)", summary.network().layers().get(7).outputShape());
    }

    @Test
    void aSecondRunTrainsNothing() throws IOException {
        Path root = copyOfBase();
        Map<String, String> before = snapshot(root);
        TrainStage.Result again = new TrainStage().run(request(root, PROTOCOL, false));
        assertEquals(0, again.trained());
        assertEquals(ALL, again.reused());
        assertEquals(new HashSet<>(first.runs()), new HashSet<>(again.runs()));
        assertEquals(before, snapshot(root));
    }

    @Test
    void aKilledBuildRecomputesExactlyWhatIsMissing() throws IOException {
        Path root = copyOfBase();
        Path lost = ledgerFile(root, "table2", 3, 2, ".json");
        Path model = ledgerFile(root, "table2", 2, 1, ".model.zip");
        Map<String, String> before = snapshot(root);
        Files.delete(lost);
        Files.delete(model);

        TrainStage.Result resumed = new TrainStage().run(request(root, PROTOCOL, false));

        assertEquals(1, resumed.trained());
        assertEquals(ALL - 1, resumed.reused());
        assertTrue(Files.isRegularFile(lost));
        assertFalse(Files.exists(model), "run 1 is complete: its Scheme 2 model is not needed");
        Set<String> changed = Set.of(root.resolve("runs").relativize(lost).toString(),
                root.resolve("runs").relativize(model).toString());
        assertEquals(without(before, changed), without(snapshot(root), changed));
        assertSameOutcome(find(first.runs(), "table2", 3, 2), find(resumed.runs(), "table2", 3, 2));
    }

    /** Issue 33: an edited record moved a reported mean; now it is named, set aside and trained again. */
    @Test
    void anEditedRecordIsTrainedAgainWithAWarning() throws IOException {
        Path root = copyOfBase();
        Path edited = ledgerFile(root, "table2", 1, 2, ".json");
        String text = Files.readString(edited);
        Files.writeString(edited, text.replaceFirst("\"testAccuracy\" : [0-9.E-]+", "\"testAccuracy\" : 0.99"));

        TrainStage.Result resumed;
        try (LogCapture log = LogCapture.start()) {
            resumed = new TrainStage().run(request(root, PROTOCOL, false));
            List<String> warnings = log.warnings().stream().filter(w -> w.contains("run record")).toList();
            assertEquals(1, warnings.size(), log.text());
            assertTrue(warnings.get(0).contains(edited + " does not match its contentSha256"), warnings.get(0));
        }
        assertEquals(1, resumed.trained());
        assertSameOutcome(find(first.runs(), "table2", 1, 2), find(resumed.runs(), "table2", 1, 2));
        assertEquals(Files.readString(edited).replaceAll("\"seconds\" : .*|\"imagesPerSecond\" : .*|\"contentSha256\" : .*", ""),
                text.replaceAll("\"seconds\" : .*|\"imagesPerSecond\" : .*|\"contentSha256\" : .*", ""));
    }

    /** Issue 14: after a kill that kept 3 scheme results of a run the log said "0 already in the ledger". */
    @Test
    void theResumeCountsCompleteRunsAndTheSchemesOfAnUnfinishedOne() throws IOException {
        Path root = copyOfBase();
        Files.delete(ledgerFile(root, "table2", 3, 2, ".json"));

        TrainStage.Result resumed = new TrainStage().run(request(root, PROTOCOL, false));

        TrainStage.Resume found = resumed.resume();
        assertEquals(ALL, found.schemes());
        // 2 Table 2 runs and 1 run of each combination, one of them unfinished with 3 of its 4 schemes kept
        assertEquals(2 + COMBINATIONS.size() - 1, found.complete());
        assertEquals(3, found.partKept());
        assertEquals(1, found.pending().size());
        assertEquals(0, found.restored(), "no run cache");
    }

    @Test
    void aCleanBuildAndASecondCloneTakeEveryRunFromTheRunCache() throws IOException {
        Path cache = dir.resolve("home/.cache/tl/runs");
        Path clone = dir.resolve("clone");
        writeInputs(clone, 0);
        TrainStage.Result trained = new TrainStage().run(withRunCache(clone, cache, false));
        assertEquals(ALL, trained.trained());
        for (RunResult r : first.runs()) {
            assertSameOutcome(r, find(trained.runs(), r.experiment(), r.scheme(), r.run()));
        }

        // mvn clean deletes target/tl/runs: nothing is trained again
        AtomicFiles.deleteRecursively(clone.resolve("runs"));
        TrainStage.Result cleaned = new TrainStage().run(withRunCache(clone, cache, false));
        assertEquals(0, cleaned.trained());
        assertEquals(ALL, cleaned.resume().restored());
        assertEquals(new HashSet<>(trained.runs()), new HashSet<>(cleaned.runs()));
        assertTrue(Files.isRegularFile(ledgerFile(clone, "table2", 3, 2, ".json")), "the build's view again");

        // another clone of the same code and data
        Path second = dir.resolve("second");
        writeInputs(second, 0);
        TrainStage.Result cloned = new TrainStage().run(withRunCache(second, cache, false));
        assertEquals(0, cloned.trained());
        assertEquals(new HashSet<>(trained.runs()), new HashSet<>(cloned.runs()));

        // other images: nothing in the cache fits
        Path other = dir.resolve("other");
        writeInputs(other, 25);
        assertEquals(ALL, new TrainStage().run(withRunCache(other, cache, false)).trained());
    }

    @Test
    void aRunCacheRecordOfAnotherRunIsNotUsed() throws IOException {
        Path cache = dir.resolve("runs-cache");
        RunResult r = first.runs().get(0);
        RunCache runCache = new RunCache(cache);
        runCache.store(r);
        assertEquals(r, runCache.find(r.fingerprint()).orElseThrow());
        // a record filed under another fingerprint (a copied or damaged cache) counts as missing
        String other = "f".repeat(64);
        Files.createDirectories(runCache.file(other).getParent());
        Files.copy(runCache.file(r.fingerprint()), runCache.file(other));
        assertTrue(runCache.find(other).isEmpty());
        Files.writeString(runCache.file(r.fingerprint()), "{ not json");
        assertTrue(runCache.find(r.fingerprint()).isEmpty());
    }

    static TrainRequest withRunCache(Path root, Path cache, boolean force) {
        return new TrainRequest(root.resolve("prepared"), root.resolve("cluster"), root.resolve("runs"), PROTOCOL,
                true, 1, force, cache);
    }

    @Test
    void scheme4ResumesFromTheStoredScheme2Model() throws IOException {
        Path root = copyOfBase();
        Path lost = ledgerFile(root, "table2", 4, 1, ".json");
        Map<String, String> before = snapshot(root);
        Files.delete(lost);

        TrainStage.Result resumed = new TrainStage().run(request(root, PROTOCOL, false));

        assertEquals(1, resumed.trained());
        String name = root.resolve("runs").relativize(lost).toString();
        // the Scheme 2 result and model of run 1 are untouched, so Scheme 2 was not trained again
        assertEquals(without(before, Set.of(name)), without(snapshot(root), Set.of(name)));
        assertSameOutcome(find(first.runs(), "table2", 4, 1), find(resumed.runs(), "table2", 4, 1));
    }

    @Test
    void scheme4WithoutItsModelTrainsScheme2AgainWithoutReportingIt() throws IOException {
        Path root = copyOfBase();
        Path lost = ledgerFile(root, "table3/P1+U1", 4, 1, ".json");
        Path model = ledgerFile(root, "table3/P1+U1", 2, 1, ".model.zip");
        Map<String, String> before = snapshot(root);
        Files.delete(lost);
        Files.delete(model);

        TrainStage.Result resumed = new TrainStage().run(request(root, PROTOCOL, false));

        assertEquals(1, resumed.trained());
        assertTrue(Files.isRegularFile(model), "the source model is kept again");
        // the new model, and so its checksum beside it, may differ in bytes (the zip's timestamps)
        Set<String> changed = Set.of(root.resolve("runs").relativize(lost).toString(),
                root.resolve("runs").relativize(model).toString(),
                root.resolve("runs").relativize(model) + ".sha256");
        assertEquals(without(before, changed), without(snapshot(root), changed));
        assertTrue(resumed.runs().stream().noneMatch(r -> r.experiment().startsWith("table3") && r.scheme() == 2));
        assertSameOutcome(find(first.runs(), "table3/P1+U1", 4, 1), find(resumed.runs(), "table3/P1+U1", 4, 1));
    }

    @Test
    void forceTrainsEverythingAgainWithTheSameOutcome() throws IOException {
        Path root = copyOfBase();
        Map<String, String> before = snapshot(root);
        TrainRequest forced = new TrainRequest(root.resolve("prepared"), root.resolve("cluster"), root.resolve("runs"),
                PROTOCOL, true, 2, true);

        TrainStage.Result again = new TrainStage().run(forced);

        assertEquals(ALL, again.trained());
        Map<String, String> after = snapshot(root);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, state) -> assertNotEquals(state, after.get(name), name + " was written again"));
        // two runs at a time give what one at a time gave
        for (RunResult r : first.runs()) {
            assertSameOutcome(r, find(again.runs(), r.experiment(), r.scheme(), r.run()));
        }
    }

    @Test
    void withoutAClusteringItAsksForTlCluster() throws IOException {
        Path root = copyOfBase();
        Files.delete(root.resolve("cluster/cluster.json"));
        TlException e = assertThrows(TlException.class,
                () -> new TrainStage().run(request(root, PROTOCOL, false)));
        assertTrue(e.getMessage().contains("tl:cluster"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve("cluster").toString()), e.getMessage());
    }

    @Test
    void withoutPreparedImagesItAsksForTlPrepare() throws IOException {
        Path root = copyOfBase();
        Files.delete(root.resolve("prepared/images.npy"));
        TlException e = assertThrows(TlException.class,
                () -> new TrainStage().run(request(root, PROTOCOL, false)));
        assertTrue(e.getMessage().contains("tl:prepare"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve("prepared").toString()), e.getMessage());
    }

    @Test
    void anotherProtocolTrainsEverythingAgain() throws IOException {
        Path root = copyOfBase();
        Map<String, String> before = snapshot(root);
        Protocol twoEpochs = new Protocol(2, 16, 1e-4, 0.9, 1e-7, 0.7, 2, 1, 42);

        TrainStage.Result again;
        try (LogCapture log = LogCapture.start()) {
            again = new TrainStage().run(request(root, twoEpochs, false));
            // issue 34: a rerun says which part of the run key changed, as DVC names the changed dependency
            assertTrue(log.text().contains("what determines the runs changed: protocol; runs are looked up"),
                    log.text());
        }

        assertEquals(ALL, again.trained());
        again.runs().forEach(r -> assertEquals(2, r.epochLosses().size()));
        Set<String> old = first.runs().stream().map(RunResult::fingerprint).collect(Collectors.toSet());
        assertTrue(again.runs().stream().noneMatch(r -> old.contains(r.fingerprint())));
        Map<String, String> after = snapshot(root);
        before.forEach((name, state) -> assertEquals(state, after.get(name), "the old protocol's " + name + " is kept"));
        assertEquals(2 * ALL, new RunLedger(root.resolve("runs")).all().size());
    }

    @Test
    void moreRunsTrainOnlyTheNewRuns() throws IOException {
        Path root = copyOfBase();
        Map<String, String> before = snapshot(root);
        Protocol moreRuns = new Protocol(1, 16, 1e-4, 0.9, 1e-7, 0.7, 3, 2, 42);

        TrainStage.Result again = new TrainStage().run(request(root, moreRuns, false));

        assertEquals(4 + 2 * COMBINATIONS.size(), again.trained(), "Table 2 run 3, and run 2 of each combination");
        assertEquals(ALL, again.reused());
        Map<String, String> after = snapshot(root);
        before.forEach((name, state) -> assertEquals(state, after.get(name), name));
        for (RunResult r : first.runs()) {
            assertEquals(r, find(again.runs(), r.experiment(), r.scheme(), r.run()));
        }
    }

    @Test
    void otherImagesTrainEverythingAgain() throws IOException {
        Path root = copyOfBase();
        // the same index and subsets (as after tl:prepare with another image size or resizing), other pixels
        writeInputs(root, 20);
        assertEquals(Files.readString(base.resolve("prepared/index.tsv")),
                Files.readString(root.resolve("prepared/index.tsv")));
        assertFalse(Arrays.equals(Files.readAllBytes(base.resolve("prepared/images.npy")),
                Files.readAllBytes(root.resolve("prepared/images.npy"))));

        TrainStage.Result again = new TrainStage().run(request(root, PROTOCOL, false));

        assertEquals(ALL, again.trained());
    }
}
