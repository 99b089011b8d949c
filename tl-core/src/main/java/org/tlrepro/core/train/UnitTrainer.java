package org.tlrepro.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.exec.Job;
import org.tlrepro.core.progress.Stopwatch;
import org.tlrepro.core.stage.ToolVersion;
import org.tlrepro.core.tensor.NdArrays;

/** Trains the schemes of a unit that the ledger lacks. */
final class UnitTrainer implements Job.Worker<TrainingUnit, RunResult> {

    private static final Logger LOG = LoggerFactory.getLogger(UnitTrainer.class);

    private final ImageData data;
    private final RunLedger ledger;
    private final Protocol protocol;
    private final boolean force;
    private final CnnTrainer trainer;
    private final String backend;
    private final IntConsumer progress;

    UnitTrainer(ImageData data, RunLedger ledger, Protocol protocol, boolean force, CnnTrainer trainer,
                String backend, IntConsumer progress) {
        this.data = data;
        this.ledger = ledger;
        this.protocol = protocol;
        this.force = force;
        this.trainer = trainer;
        this.backend = backend;
        this.progress = progress;
    }

    private boolean stored(Experiment e, int scheme, TrainingUnit u) {
        return !force && ledger.find(e.name(), scheme, u.run(), u.fingerprint(scheme)).isPresent();
    }

    @Override
    public void run(TrainingUnit u, int index, int total, Consumer<RunResult> sink) {
        Experiment e = u.experiment();
        Protocol p = protocol;
        StratifiedSplit split = StratifiedSplit.of(e.target(), data.labels(), p.trainFraction(), u.seed());
        INDArray testX = data.features(split.test());
        INDArray testY = data.oneHot(split.test());
        double majority = majorityRate(split.test(), data.labels(), data.classes());
        LOG.info("{} run {}/{} ({} of {} to train; seed {}): target {} = {} train + {} test, source {}",
                e.name(), u.run(), e.runs(), index, total, u.seed(), e.target().length, split.train().length,
                split.test().length, e.source().length);
        MultiLayerNetwork sourceModel = null;
        boolean fourPending = e.schemes().contains(4) && !stored(e, 4, u);
        try {
            for (int scheme : List.of(1, 2, 3, 4)) {
                boolean reported = e.schemes().contains(scheme);
                String fp = u.fingerprint(scheme);
                if (scheme == 2 && fourPending && !force) {
                    sourceModel = ledger.findModel(e.name(), u.run(), fp).orElse(null);
                }
                boolean needed = scheme == 2
                        ? (reported && !stored(e, 2, u)) || (fourPending && sourceModel == null)
                        : reported && !stored(e, scheme, u);
                if (!needed) {
                    continue;
                }
                Stopwatch run = Stopwatch.start();
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
                Stopwatch training = Stopwatch.start();
                if (scheme == 4) {
                    TransferHead head = TransferHead.from(sourceModel, p, seed);
                    losses = head.fit(x, y, p, seed, progress);
                    eval = head.evaluate(testX, testY, p.batchSize());
                    head.close();
                } else {
                    MultiLayerNetwork net = PaperCnn.build(data.imageSize(), data.classes(), p, seed);
                    losses = trainer.fit(net, x, y, p.epochs(), p.batchSize(), seed, progress);
                    eval = Trainer.evaluate(net, testX, testY, p.batchSize());
                    if (scheme == 2) {
                        sourceModel = net;
                        ledger.recordModel(e.name(), u.run(), fp, net);
                    } else {
                        net.close();
                    }
                }
                NdArrays.release(x, y);
                double trainSeconds = training.seconds();
                double seconds = run.seconds();
                RunResult r = new RunResult(e.name(), scheme, u.run(), u.seed(), trainRows.length,
                        split.test().length, eval.loss(), eval.accuracy(), losses, seconds,
                        (double) trainRows.length * p.epochs() / trainSeconds, backend, ToolVersion.get(), fp,
                        eval.confusion(), majority);
                if (reported) {
                    sink.accept(r);
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
    }

    /** Share of the most frequent class among the rows: what always predicting that class would score. */
    static double majorityRate(int[] rows, int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int r : rows) {
            counts[labels[r]]++;
        }
        return rows.length == 0 ? Double.NaN : (double) Arrays.stream(counts).max().orElse(0) / rows.length;
    }

    /** Scheme 3's training rows: the source and the target's training part, in row order. */
    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }
}
