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
 * empty field where there is no value (NA in R, NaN in pandas).
 */
public final class CsvFiles {

    /** The folder inside the report folder. */
    public static final String FOLDER = "csv";

    private static final CsvMapper CSV = new CsvMapper();

    private CsvFiles() {
    }

    /** A run of any experiment ({@code table2}, {@code table3/<combination>}). */
    @JsonPropertyOrder({"experiment", "scheme", "run", "seed", "trainSize", "testSize", "testLoss", "testAccuracy",
        "majorityRate", "predictedOneClass", "epochs", "seconds", "imagesPerSecond", "fingerprint"})
    public record RunRow(String experiment, int scheme, int run, long seed, int trainSize, int testSize,
                         Double testLoss, Double testAccuracy, Double majorityRate, boolean predictedOneClass,
                         int epochs, Double seconds, Double imagesPerSecond, String fingerprint) {
    }

    /** The mean training loss of one epoch of one run: the learning curves. */
    @JsonPropertyOrder({"experiment", "scheme", "run", "epoch", "trainingLoss"})
    public record EpochRow(String experiment, int scheme, int run, int epoch, Double trainingLoss) {
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
        for (RunResult r : results.runs()) {
            List<Double> losses = r.epochLosses() == null ? List.of() : r.epochLosses();
            runs.add(new RunRow(r.experiment(), r.scheme(), r.run(), r.seed(), r.trainSize(), r.testSize(),
                    na(r.testLoss()), na(100 * r.testAccuracy()), na(100 * r.majorityRate()), r.predictedOneClass(),
                    losses.size(), na(r.seconds()), na(r.imagesPerSecond()), r.fingerprint()));
            for (int e = 0; e < losses.size(); e++) {
                epochs.add(new EpochRow(r.experiment(), r.scheme(), r.run(), e + 1, na(losses.get(e))));
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
