package org.tlrepro.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.cluster.ClusterOutput;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.SubsetPair;
import org.tlrepro.core.exec.LocalExecutor;
import org.tlrepro.core.exec.TaskExecutor;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.prepare.PrepareSummary;
import org.tlrepro.core.prepare.PreparedData;
import org.tlrepro.core.progress.Progress;
import org.tlrepro.core.stage.ToolVersion;

/**
 * {@code tl:train}: the four schemes of Table 2 on the level-1 split and Schemes 1 and 4 on each Table 3
 * combination, every run recorded in the {@link RunLedger}. Finished runs are never trained again; Scheme 2's model
 * of a run serves its Scheme 4. Like failsafe's run goal, it never judges accuracy: {@code tl:check} does.
 */
public final class TrainStage {

    private static final Logger LOG = LoggerFactory.getLogger(TrainStage.class);

    /** Outcome: every run of the current protocol, how many were trained now, what was found (null if forced). */
    public record Result(List<RunResult> runs, int trained, int reused, Resume resume) {
    }

    /** Trains on this JVM's threads ({@code tl.jobs}). */
    public Result run(TrainRequest request) {
        return run(request, new LocalExecutor(request.jobs()));
    }

    /** Trains the missing runs on {@code executor}; this JVM alone writes the ledger. */
    public Result run(TrainRequest request, TaskExecutor executor) {
        NativeBackend.initialize();
        PreparedData prepared = new PreparedData(request.preparedDir()).require();
        ClusterOutput clustering = new ClusterOutput(request.clusterDir());
        ClusterResult clusters = clustering.readResult();
        Map<String, List<Integer>> rowsByNode = rowsByNode(clustering.readAssignments());
        String imagesSha256 = Sha256.ofFile(prepared.images());
        RunKey key = runKey(request, prepared, clustering.assignments(), imagesSha256);
        List<String> changed = key.replaceIn(request.runsDir());
        if (!changed.isEmpty()) {
            LOG.info("Since the last build in {}, what determines the runs changed: {}; runs are looked up (and "
                    + "trained) for the new key", request.runsDir(), String.join(", ", changed));
        }
        String dataKey = key.text();
        List<Experiment> experiments = experiments(clusters, rowsByNode, request, dataKey);
        TrainedNetwork network = network(prepared, request.protocol());
        RunLedger ledger = new RunLedger(request.runsDir(),
                request.runCache() == null ? null : new RunCache(request.runCache()));

        List<TrainingUnit> units = Schedule.of(experiments, request.protocol().seed());
        List<TrainingUnit> pending;
        Resume r = null;
        if (request.force()) {
            pending = units;
            LOG.info("{} runs in {} experiments, all to train (tl.force)", units.size(), experiments.size());
        } else {
            r = resume(units, ledger);
            pending = r.pending();
            LOG.info("{} runs ({} scheme results) in {} experiments; in the ledger {}: {} complete runs and {} scheme "
                    + "results of unfinished ones{}; {} runs to train", units.size(), r.schemes(),
                    experiments.size(), ledger.dir(), r.complete(), r.partKept(),
                    ledger.cacheDir() == null ? "" : " (" + r.restored() + " results taken from the run cache "
                            + ledger.cacheDir() + ")", pending.size());
        }
        if (pending.isEmpty()) {
            List<RunResult> all = collect(units, ledger);
            writeSummary(request, network, 0, all);
            summarize(all);
            return new Result(all, 0, all.size(), r);
        }
        int trained = train(request, executor, prepared, imagesSha256, pending, ledger);
        List<RunResult> all = collect(units, ledger);
        writeSummary(request, network, trained, all);
        summarize(all);
        return new Result(all, trained, all.size() - trained, r);
    }

    /** What determines every run's result, as named parts, so that a rerun can say which changed (DVC-style). */
    private static RunKey runKey(TrainRequest request, PreparedData prepared, Path assignments, String imagesSha256) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("tl", ToolVersion.get());
        parts.put("data", Sha256.ofFile(prepared.index()));
        // the pixels too: tl:prepare with another image size keeps index.tsv and the subsets as they were
        parts.put("images", imagesSha256);
        parts.put("subsets", Sha256.ofFile(assignments));
        parts.put("protocol", request.protocol().runKey());
        // records before 2 lack the confusion matrix and the majority-class rate, before 3 the checksum
        parts.put("record", "3");
        parts.put("optimiser", KerasRmsProp.FINGERPRINT);
        // the training code itself: the run cache outlives mvn clean, a changed trainer must not reuse it
        parts.put("code", TrainingCode.fingerprint());
        // the two trainers round floats differently: their runs are kept apart
        parts.put("trainer", request.trainer().id());
        return new RunKey(parts);
    }

    /** Trains the pending units on {@code executor}, each result into the ledger as it comes; how many it trained. */
    private static int train(TrainRequest request, TaskExecutor executor, PreparedData prepared, String imagesSha256,
                             List<TrainingUnit> pending, RunLedger ledger) {
        long work = pending.stream().mapToLong(u -> u.work(request.protocol())).sum();
        Progress progress = new Progress(LOG, "Training", work, "images");
        AtomicLong done = new AtomicLong();
        IntConsumer onImages = n -> {
            long total = done.addAndGet(n);
            synchronized (progress) {
                progress.update(total);
            }
        };
        TrainingWork training = new TrainingWork(prepared.dir().toString(), imagesSha256,
                request.runsDir().toString(), request.protocol(), request.force(), request.trainer());
        LOG.info("Training on {} with tl.trainer={}", executor.describe(), request.trainer().id());
        AtomicInteger trained = new AtomicInteger();
        executor.execute(training, pending, onImages, (unit, result) -> {
            ledger.record(result);
            trained.incrementAndGet();
        });
        progress.finish(done.get());
        return trained.get();
    }

    /**
     * What a build finds before training: the runs not finished yet, the complete runs, the scheme results of runs
     * a killed build left half done (those schemes are not trained again) and how many results came from the run
     * cache.
     */
    public record Resume(List<TrainingUnit> pending, int schemes, int complete, int partKept, int restored) {
    }

    /**
     * Looks every scheme of every run up, so that what the run cache has is in the build's ledger before any worker
     * reads it.
     */
    static Resume resume(List<TrainingUnit> units, RunLedger ledger) {
        List<TrainingUnit> pending = new ArrayList<>();
        int schemes = 0;
        int partKept = 0;
        int before = ledger.restored();
        for (TrainingUnit u : units) {
            int found = 0;
            for (int s : u.experiment().schemes()) {
                if (ledger.find(u.experiment().name(), s, u.run(), u.fingerprint(s)).isPresent()) {
                    found++;
                }
            }
            schemes += u.experiment().schemes().size();
            if (found < u.experiment().schemes().size()) {
                pending.add(u);
                partKept += found;
            }
        }
        return new Resume(pending, schemes, units.size() - pending.size(), partKept, ledger.restored() - before);
    }

    private static List<Experiment> experiments(ClusterResult clusters, Map<String, List<Integer>> rowsByNode,
                                                TrainRequest request, String dataKey) {
        List<Experiment> list = new ArrayList<>();
        SubsetPair level1 = clusters.level1();
        list.add(experiment("table2", level1, rowsByNode, List.of(1, 2, 3, 4), request.protocol().runs(), dataKey));
        if (request.table3()) {
            List<SubsetPair> all = clusters.combinations();
            List<SubsetPair> chosen = CombinationChoice.choose(all, request.table3Limit());
            int classes = clusters.classes().size();
            if (chosen.size() < all.size()) {
                LOG.info("Table 3: training {} of the {} combinations (4^{}: one second-level node of each of {} "
                        + "classes as the target), spread evenly over the source-target cosine distance "
                        + "(tl.table3.combinations={})", chosen.size(), all.size(), classes, classes,
                        request.table3Limit());
            } else if (classes > 2) {
                LOG.info("Table 3: {} combinations (4^{}: one second-level node of each of {} classes as the "
                        + "target); -Dtl.table3.combinations=N trains N of them, spread over the cosine distance",
                        all.size(), classes, classes);
            }
            for (SubsetPair pair : chosen) {
                list.add(experiment("table3/" + pair.id(), pair, rowsByNode, List.of(1, 4),
                        request.protocol().table3Runs(), dataKey));
            }
        }
        return list.stream().filter(e -> e.runs() > 0).toList();
    }

    private static Experiment experiment(String name, SubsetPair pair, Map<String, List<Integer>> rowsByNode,
                                         List<Integer> schemes, int runs, String dataKey) {
        int[] target = rows(pair.targetNodes(), rowsByNode);
        int[] source = rows(pair.sourceNodes(), rowsByNode);
        return new Experiment(name, target, source, schemes, runs, dataKey + "|experiment " + name + "|target "
                + pair.targetNodes() + "|source " + pair.sourceNodes());
    }

    private static int[] rows(List<String> nodes, Map<String, List<Integer>> rowsByNode) {
        return nodes.stream().flatMap(n -> rowsByNode.getOrDefault(n, List.of()).stream()).mapToInt(Integer::intValue)
                .sorted().toArray();
    }

    /** Rows of every level-1 and level-2 node, from {@code assignments.tsv}. */
    private static Map<String, List<Integer>> rowsByNode(List<ClusterOutput.Assignment> assignments) {
        Map<String, List<Integer>> rows = new HashMap<>();
        for (ClusterOutput.Assignment a : assignments) {
            rows.computeIfAbsent(a.level1(), k -> new ArrayList<>()).add(a.index());
            rows.computeIfAbsent(a.level2(), k -> new ArrayList<>()).add(a.index());
        }
        return rows;
    }

    private static List<RunResult> collect(List<TrainingUnit> units, RunLedger ledger) {
        List<RunResult> all = new ArrayList<>();
        for (TrainingUnit u : units) {
            for (int s : u.experiment().schemes()) {
                ledger.find(u.experiment().name(), s, u.run(), u.fingerprint(s)).ifPresent(all::add);
            }
        }
        return all;
    }

    /** The file later goals read the current runs from. */
    public static Path summaryFile(Path runsDir) {
        return new TrainOutput(runsDir).summary();
    }

    /** The network every trainer builds for these images (UnitTrainer: the same PaperCnn.build), for Table 1. */
    private static TrainedNetwork network(PreparedData prepared, Protocol protocol) {
        PrepareSummary summary = prepared.readSummary();
        List<String> classes = summary.classes().stream()
                .sorted(Comparator.comparingInt(PrepareSummary.ClassCount::label))
                .map(PrepareSummary.ClassCount::name).toList();
        return TrainedNetwork.of(summary.imageSize(), classes, protocol);
    }

    private static void writeSummary(TrainRequest request, TrainedNetwork network, int trained,
                                     List<RunResult> runs) {
        new TrainOutput(request.runsDir()).writeSummary(
                new TrainSummary(ToolVersion.get(), request.protocol(), network, trained, runs));
    }

    /**
     * Logs mean and sample SD of the test accuracy per experiment and scheme, beside the mean majority-class rate of
     * the test parts; warns of the runs whose model predicted one class only.
     */
    private static void summarize(List<RunResult> runs) {
        Map<String, List<RunResult>> byScheme = new LinkedHashMap<>();
        for (RunResult r : runs) {
            byScheme.computeIfAbsent(r.experiment() + " scheme " + r.scheme(), k -> new ArrayList<>()).add(r);
        }
        byScheme.forEach((k, list) -> {
            DescriptiveStatistics accuracy = new DescriptiveStatistics();
            DescriptiveStatistics majority = new DescriptiveStatistics();
            list.forEach(r -> {
                accuracy.addValue(100 * r.testAccuracy());
                majority.addValue(100 * r.majorityRate());
            });
            LOG.info("{}: mean test accuracy {}% (SD {}, {} runs); majority-class rate {}%", k,
                    String.format("%.2f", accuracy.getMean()), String.format("%.2f", accuracy.getStandardDeviation()),
                    accuracy.getN(), String.format("%.2f", majority.getMean()));
            long oneClass = list.stream().filter(RunResult::predictedOneClass).count();
            if (oneClass > 0) {
                LOG.warn("{}: {} of {} runs predicted one class only", k, oneClass, list.size());
            }
        });
    }
}
