package org.tlrepro.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.ClusterStage;
import org.tlrepro.core.cluster.SubsetPair;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.prepare.PreparedData;
import org.tlrepro.core.progress.Progress;
import org.tlrepro.core.stage.ToolVersion;
import org.tlrepro.core.tensor.NdArrays;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Json;

/**
 * {@code tl:train}: the four schemes of Table 2 on the level-1 split and Schemes 1 and 4 on each Table 3
 * combination, every run recorded in the {@link RunLedger}. Finished runs are never trained again; Scheme 2's model
 * of a run serves its Scheme 4. Like failsafe's run goal, it never judges accuracy: {@code tl:check} does.
 */
public final class TrainStage {

    private static final Logger LOG = LoggerFactory.getLogger(TrainStage.class);

    /** Outcome: every run of the current protocol, and how many were trained now. */
    public record Result(List<RunResult> runs, int trained, int reused) {
    }

    public Result run(TrainRequest request) {
        String backend = NativeBackend.initialize().describe();
        PreparedData prepared = new PreparedData(request.preparedDir());
        if (!Files.isRegularFile(prepared.images()) || !Files.isRegularFile(prepared.index())) {
            throw new TlException("there are no prepared images in " + request.preparedDir() + ": run tl:prepare first");
        }
        ClusterResult clusters = ClusterStage.readResult(request.clusterDir());
        Path assignments = request.clusterDir().resolve("assignments.tsv");
        if (!Files.isRegularFile(assignments)) {
            throw new TlException("there is no clustering in " + request.clusterDir() + ": run tl:cluster first");
        }
        Map<String, List<Integer>> rowsByNode = rowsByNode(assignments);
        // the pixels too: tl:prepare with another image size keeps index.tsv and the subsets as they were
        String dataKey = "tl " + ToolVersion.get() + "|data " + Sha256.ofFile(prepared.index())
                + "|images " + Sha256.ofFile(prepared.images())
                + "|subsets " + Sha256.ofFile(assignments) + "|protocol " + request.protocol().runKey()
                // records before this one lack the confusion matrix and the majority-class rate
                + "|record 2|optimiser " + KerasRmsProp.FINGERPRINT;
        List<Experiment> experiments = experiments(clusters, rowsByNode, request, dataKey);
        RunLedger ledger = new RunLedger(request.runsDir());

        List<Unit> units = schedule(experiments, request.protocol().seed());
        List<Unit> pending = units.stream().filter(u -> request.force() || !u.done(ledger)).toList();
        LOG.info("{} runs in {} experiments; {} already in the ledger {}, {} to train", units.size(),
                experiments.size(), units.size() - pending.size(), ledger.dir(), pending.size());
        if (pending.isEmpty()) {
            List<RunResult> all = collect(units, ledger);
            writeSummary(request, all);
            summarize(all);
            return new Result(all, 0, all.size());
        }
        ImageData data = ImageData.load(prepared);
        long work = pending.stream().mapToLong(u -> u.work(request.protocol())).sum();
        Progress progress = new Progress(LOG, "Training", work, "images");
        AtomicLong done = new AtomicLong();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger trained = new AtomicInteger();
        Runner runner = new Runner(data, ledger, request, backend, n -> {
            long total = done.addAndGet(n);
            synchronized (progress) {
                progress.update(total);
            }
        });
        int jobs = Math.max(1, request.jobs());
        // OpenMP keeps its thread count per thread: the workers share the caller's instead of each taking all cores
        int nativeThreads = Math.max(1, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() / jobs);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Unit u : pending) {
                futures.add(pool.submit(() -> {
                    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(nativeThreads);
                    return runner.train(u, started.incrementAndGet(), pending.size());
                }));
            }
            for (Future<Integer> f : futures) {
                trained.addAndGet(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlException("training was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new TlException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.finish(done.get());
        List<RunResult> all = collect(units, ledger);
        writeSummary(request, all);
        summarize(all);
        return new Result(all, trained.get(), all.size() - trained.get());
    }

    /**
     * Every run of every experiment, in training order: table by table (Table 2 before Table 3), and within a table
     * run by run across its experiments, so that a build stopped early leaves every combination with as many runs
     * as the others, or one fewer.
     */
    static List<Unit> schedule(List<Experiment> experiments, long baseSeed) {
        List<Unit> units = new ArrayList<>();
        for (Experiment e : experiments) {
            for (int run = 1; run <= e.runs(); run++) {
                units.add(new Unit(e, run, seed(baseSeed, e.name(), run)));
            }
        }
        List<String> tables = experiments.stream().map(e -> table(e.name())).distinct().toList();
        // a stable sort: experiments keep their order within a run
        units.sort(Comparator.comparingInt((Unit u) -> tables.indexOf(table(u.experiment().name())))
                .thenComparingInt(Unit::run));
        return units;
    }

    private static String table(String experiment) {
        int slash = experiment.indexOf('/');
        return slash < 0 ? experiment : experiment.substring(0, slash);
    }

    /** One run of one experiment: all its schemes. */
    record Unit(Experiment experiment, int run, long seed) {

        String fingerprint(int scheme) {
            return Sha256.hex((experiment.key() + "|scheme " + scheme + "|run " + run + "|seed " + seed)
                    .getBytes(StandardCharsets.UTF_8));
        }

        boolean done(RunLedger ledger) {
            return experiment.schemes().stream().allMatch(s -> ledger.find(experiment.name(), s, run,
                    fingerprint(s)).isPresent());
        }

        /** Training images to process: target part, source, both, and the transfer head's passes. */
        long work(Protocol p) {
            long t = Math.round(experiment.target().length * p.trainFraction());
            long s = experiment.source().length;
            long perEpoch = (experiment.schemes().contains(1) ? t : 0) + s
                    + (experiment.schemes().contains(3) ? s + t : 0) + (experiment.schemes().contains(4) ? t : 0);
            return perEpoch * p.epochs();
        }
    }

    /** Trains the schemes of a unit that the ledger lacks. */
    private static final class Runner {
        private final ImageData data;
        private final RunLedger ledger;
        private final TrainRequest request;
        private final String backend;
        private final java.util.function.IntConsumer progress;

        Runner(ImageData data, RunLedger ledger, TrainRequest request, String backend,
               java.util.function.IntConsumer progress) {
            this.data = data;
            this.ledger = ledger;
            this.request = request;
            this.backend = backend;
            this.progress = progress;
        }

        private boolean stored(Experiment e, int scheme, Unit u) {
            return !request.force() && ledger.find(e.name(), scheme, u.run(), u.fingerprint(scheme)).isPresent();
        }

        int train(Unit u, int index, int total) {
            Experiment e = u.experiment();
            Protocol p = request.protocol();
            StratifiedSplit split = StratifiedSplit.of(e.target(), data.labels(), p.trainFraction(), u.seed());
            INDArray testX = data.features(split.test());
            INDArray testY = data.oneHot(split.test());
            double majority = majorityRate(split.test(), data.labels(), data.classes());
            LOG.info("{} run {}/{} ({} of {} to train; seed {}): target {} = {} train + {} test, source {}",
                    e.name(), u.run(), e.runs(), index, total, u.seed(), e.target().length, split.train().length,
                    split.test().length, e.source().length);
            int count = 0;
            MultiLayerNetwork sourceModel = null;
            boolean fourPending = e.schemes().contains(4) && !stored(e, 4, u);
            try {
                for (int scheme : List.of(1, 2, 3, 4)) {
                    boolean reported = e.schemes().contains(scheme);
                    String fp = u.fingerprint(scheme);
                    if (scheme == 2 && fourPending && !request.force()) {
                        sourceModel = ledger.findModel(e.name(), u.run(), fp).orElse(null);
                    }
                    boolean needed = scheme == 2
                            ? (reported && !stored(e, 2, u)) || (fourPending && sourceModel == null)
                            : reported && !stored(e, scheme, u);
                    if (!needed) {
                        continue;
                    }
                    long start = System.nanoTime();
                    long seed = u.seed() + scheme;
                    int[] trainRows = switch (scheme) {
                        case 1, 4 -> split.train();
                        case 2 -> e.source();
                        default -> concat(e.source(), split.train());
                    };
                    INDArray x = data.features(trainRows);
                    INDArray y = data.oneHot(trainRows);
                    List<Double> losses;
                    Trainer.Evaluation eval;
                    long trainStart = System.nanoTime();
                    if (scheme == 4) {
                        TransferHead head = TransferHead.from(sourceModel, p, seed);
                        losses = head.fit(x, y, p, seed, progress);
                        eval = head.evaluate(testX, testY, p.batchSize());
                        head.close();
                    } else {
                        MultiLayerNetwork net = PaperCnn.build(data.imageSize(), data.classes(), p, seed);
                        losses = Trainer.fit(net, x, y, p.epochs(), p.batchSize(), seed, progress);
                        eval = Trainer.evaluate(net, testX, testY, p.batchSize());
                        if (scheme == 2) {
                            sourceModel = net;
                            ledger.recordModel(e.name(), u.run(), fp, net);
                        } else {
                            net.close();
                        }
                    }
                    NdArrays.release(x, y);
                    double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
                    double seconds = (System.nanoTime() - start) / 1e9;
                    RunResult r = new RunResult(e.name(), scheme, u.run(), u.seed(), trainRows.length,
                            split.test().length, eval.loss(), eval.accuracy(), losses, seconds,
                            (double) trainRows.length * p.epochs() / trainSeconds, backend, ToolVersion.get(), fp,
                            eval.confusion(), majority);
                    if (reported) {
                        ledger.record(r);
                        count++;
                    }
                    LOG.info("{} run {} scheme {}: test accuracy {} (loss {}), {} images x {} epochs in {} s "
                            + "({} img/s)",
                            e.name(), u.run(), scheme, String.format("%.2f%%", 100 * eval.accuracy()),
                            String.format("%.4f", eval.loss()), trainRows.length, p.epochs(),
                            String.format("%.1f", seconds), String.format("%.0f", r.imagesPerSecond()));
                    if (r.predictedOneClass()) {
                        LOG.warn("{} run {} scheme {} predicted one class for all {} test images: the model learned "
                                + "nothing usable (its accuracy {} is the majority-class rate {})", e.name(), u.run(),
                                scheme, split.test().length, String.format("%.2f%%", 100 * eval.accuracy()),
                                String.format("%.2f%%", 100 * majority));
                    }
                }
            } finally {
                // off-heap memory is freed by the garbage collector only when it runs: free it now
                if (sourceModel != null) {
                    sourceModel.close();
                }
                NdArrays.release(testX, testY);
            }
            return count;
        }
    }

    /** Share of the most frequent class among the rows: what always predicting that class would score. */
    static double majorityRate(int[] rows, int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int r : rows) {
            counts[labels[r]]++;
        }
        return rows.length == 0 ? Double.NaN : (double) Arrays.stream(counts).max().orElse(0) / rows.length;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }

    /** A run's seed: derived from the base seed, the experiment and the run number; never 0. */
    static long seed(long base, String experiment, int run) {
        byte[] h = Sha256.newDigest().digest((base + "/" + experiment + "/" + run).getBytes(StandardCharsets.UTF_8));
        long s = ByteBuffer.wrap(h).getLong() & Long.MAX_VALUE;
        return s == 0 ? 1 : s;
    }

    private static List<Experiment> experiments(ClusterResult clusters, Map<String, List<Integer>> rowsByNode,
                                                TrainRequest request, String dataKey) {
        List<Experiment> list = new ArrayList<>();
        SubsetPair level1 = clusters.level1();
        list.add(experiment("table2", level1, rowsByNode, List.of(1, 2, 3, 4), request.protocol().runs(), dataKey));
        if (request.table3()) {
            for (SubsetPair pair : clusters.combinations()) {
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
    private static Map<String, List<Integer>> rowsByNode(Path assignments) {
        Map<String, List<Integer>> rows = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(assignments);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                int row = Integer.parseInt(f[0]);
                rows.computeIfAbsent(f[3], k -> new ArrayList<>()).add(row);
                rows.computeIfAbsent(f[4], k -> new ArrayList<>()).add(row);
            }
        } catch (IOException | RuntimeException e) {
            throw new TlException(assignments + " cannot be read (" + e + "): run tl:cluster with -Dtl.force=true", e);
        }
        return rows;
    }

    private static List<RunResult> collect(List<Unit> units, RunLedger ledger) {
        List<RunResult> all = new ArrayList<>();
        for (Unit u : units) {
            for (int s : u.experiment().schemes()) {
                ledger.find(u.experiment().name(), s, u.run(), u.fingerprint(s)).ifPresent(all::add);
            }
        }
        return all;
    }

    /** The file later goals read the current runs from. */
    public static Path summaryFile(Path runsDir) {
        return runsDir.resolve("train.json");
    }

    private static void writeSummary(TrainRequest request, List<RunResult> runs) {
        try {
            AtomicFiles.write(summaryFile(request.runsDir()), Json.MAPPER.writeValueAsBytes(
                    new TrainSummary(ToolVersion.get(), request.protocol(), runs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
