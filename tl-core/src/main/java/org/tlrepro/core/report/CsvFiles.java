package org.tlrepro.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.results.CombinationSummary;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.results.SchemeSummary;
import org.tlrepro.core.train.RunResult;

/**
 * The results as CSV for R and pandas (Jackson's CSV writer): one row per run, per epoch of a run, per Table 2
 * scheme and per Table 3 combination, in long ("tidy") form, a header row, accuracies and rates in percent, and an
 * empty field where there is no value (NA in R, NaN in pandas). A run's row says its table and combination in columns
 * of their own, its test confusion counts and, for two classes, the sensitivity, specificity and balanced accuracy
 * with the first class (in sorted order; the paper's: Parasitized) as the positive one. The seed is a 64-bit
 * integer of up to 19 digits: pandas reads it exactly (int64), R's default (a double) rounds it, so read it in R with
 * {@code colClasses = c(seed = "character")}. Quoting would not help: both readers convert quoted digits to numbers.
 */
public final class CsvFiles {

    /** The folder inside the report folder. */
    public static final String FOLDER = "csv";

    private static final CsvMapper CSV = new CsvMapper();

    private CsvFiles() {
    }

    /**
     * A run of any experiment: {@code table} is {@code table2} or {@code table3}, {@code combination} the Table 3
     * combination (empty for Table 2). {@code confusion}: test counts by true class (rows, separated by {@code ;})
     * and predicted class (columns, by {@code /}), classes in sorted order.
     */
    @JsonPropertyOrder({"table", "combination", "scheme", "run", "seed", "trainSize", "testSize", "testLoss",
        "testAccuracy", "majorityRate", "predictedOneClass", "confusion", "positiveClass", "truePositives",
        "falseNegatives", "falsePositives", "trueNegatives", "sensitivity", "specificity", "balancedAccuracy",
        "epochs", "seconds", "imagesPerSecond", "fingerprint"})
    public record RunRow(String table, String combination, int scheme, int run, String seed, int trainSize,
                         int testSize, Double testLoss, Double testAccuracy, Double majorityRate,
                         boolean predictedOneClass, String confusion, String positiveClass, Integer truePositives,
                         Integer falseNegatives, Integer falsePositives, Integer trueNegatives, Double sensitivity,
                         Double specificity, Double balancedAccuracy, int epochs, Double seconds,
                         Double imagesPerSecond, String fingerprint) {
    }

    /** The mean training loss of one epoch of one run: the learning curves. */
    @JsonPropertyOrder({"table", "combination", "scheme", "run", "epoch", "trainingLoss"})
    public record EpochRow(String table, String combination, int scheme, int run, int epoch, Double trainingLoss) {
    }

    /** A Table 2 scheme. */
    @JsonPropertyOrder({"scheme", "trainedOn", "runs", "meanAccuracy", "sd", "min", "max", "majorityRate",
        "oneClassRuns", "paperMean", "paperSd", "difference"})
    public record SchemeRow(int scheme, String trainedOn, int runs, Double meanAccuracy, Double sd, Double min,
                            Double max, Double majorityRate, int oneClassRuns, Double paperMean, Double paperSd,
                            Double difference) {
    }

    /** A Table 3 combination, in the table's order (improvement, descending). */
    @JsonPropertyOrder({"rank", "combination", "targetSize", "sourceSize", "targetClassRatio", "sourceClassRatio",
        "cosineDistance", "runs", "scheme1Mean", "scheme4Mean", "improvement", "improvementSd", "majorityRate",
        "oneClassRuns"})
    public record CombinationRow(int rank, String combination, int targetSize, int sourceSize,
                                 Double targetClassRatio, Double sourceClassRatio, Double cosineDistance, int runs,
                                 Double scheme1Mean, Double scheme4Mean, Double improvement, Double improvementSd,
                                 Double majorityRate, int oneClassRuns) {
    }

    /** @return the files written: runs.csv, epochs.csv, schemes.csv, combinations.csv */
    public static List<Path> write(Path reportDir, Results results) {
        Path dir = reportDir.resolve(FOLDER);
        List<RunRow> runs = new ArrayList<>();
        List<EpochRow> epochs = new ArrayList<>();
        List<String> classes = results.clustering() == null || results.clustering().classes() == null ? List.of()
                : results.clustering().classes().stream().map(c -> c.name()).toList();
        for (RunResult r : results.runs()) {
            List<Double> losses = r.epochLosses() == null ? List.of() : r.epochLosses();
            String[] experiment = split(r.experiment());
            runs.add(runRow(r, experiment, classes, losses.size()));
            for (int e = 0; e < losses.size(); e++) {
                epochs.add(new EpochRow(experiment[0], experiment[1], r.scheme(), r.run(), e + 1,
                        na(losses.get(e))));
            }
        }
        List<SchemeRow> schemes = results.table2().stream().map(CsvFiles::scheme).toList();
        List<CombinationRow> combinations = new ArrayList<>();
        for (CombinationSummary c : results.table3()) {
            combinations.add(new CombinationRow(combinations.size() + 1, c.id(), c.targetSize(), c.sourceSize(),
                    na(c.targetClassRatio()), na(c.sourceClassRatio()), na(c.cosineDistance()), c.runs(),
                    na(c.scheme1Mean()), na(c.scheme4Mean()), na(c.improvement()), na(c.improvementSd()),
                    na(c.majorityRate()), c.oneClassRuns()));
        }
        return List.of(write(dir.resolve("runs.csv"), RunRow.class, runs),
                write(dir.resolve("epochs.csv"), EpochRow.class, epochs),
                write(dir.resolve("schemes.csv"), SchemeRow.class, schemes),
                write(dir.resolve("combinations.csv"), CombinationRow.class, combinations));
    }

    /** {@code table2} as ("table2", ""); {@code table3/P1+U2} as ("table3", "P1+U2"). */
    static String[] split(String experiment) {
        int slash = experiment.indexOf('/');
        return slash < 0 ? new String[] {experiment, ""}
                : new String[] {experiment.substring(0, slash), experiment.substring(slash + 1)};
    }

    private static RunRow runRow(RunResult r, String[] experiment, List<String> classes, int epochs) {
        List<List<Integer>> m = r.confusion();
        String confusion = m == null ? null : m.stream().map(row -> row.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("/"))).collect(java.util.stream.Collectors.joining(";"));
        Integer tp = null;
        Integer fn = null;
        Integer fp = null;
        Integer tn = null;
        Double sensitivity = null;
        Double specificity = null;
        Double balanced = null;
        String positive = null;
        if (m != null && m.size() == 2) {
            tp = m.get(0).get(0);
            fn = m.get(0).get(1);
            fp = m.get(1).get(0);
            tn = m.get(1).get(1);
            sensitivity = tp + fn == 0 ? null : 100.0 * tp / (tp + fn);
            specificity = tn + fp == 0 ? null : 100.0 * tn / (tn + fp);
            balanced = sensitivity == null || specificity == null ? null : (sensitivity + specificity) / 2;
            positive = classes.size() == 2 ? classes.get(0) : "class 0";
        }
        return new RunRow(experiment[0], experiment[1], r.scheme(), r.run(), String.valueOf(r.seed()),
                r.trainSize(), r.testSize(), na(r.testLoss()), na(100 * r.testAccuracy()), na(100 * r.majorityRate()),
                r.predictedOneClass(), confusion, positive, tp, fn, fp, tn, sensitivity, specificity, balanced,
                epochs, na(r.seconds()), na(r.imagesPerSecond()), r.fingerprint());
    }

    private static SchemeRow scheme(SchemeSummary s) {
        return new SchemeRow(s.scheme(), s.trainedOn(), s.n(), na(s.mean()), na(s.sd()), na(s.min()), na(s.max()),
                na(s.majorityRate()), s.oneClassRuns(), s.paperMean(), s.paperSd(), s.difference());
    }

    private static Path write(Path file, Class<?> type, List<?> rows) {
        CsvSchema schema = CSV.schemaFor(type).withHeader();
        try {
            AtomicFiles.write(file, CSV.writer(schema).writeValueAsBytes(rows));
        } catch (JsonProcessingException e) {
            throw new TlException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** No value (NaN) is an empty field. */
    private static Double na(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
