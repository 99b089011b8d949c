package org.tlrepro.core.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tlrepro.core.io.Json;

/**
 * The paper's published numbers, read from a versioned data file of the reproduction project (never literals in
 * code or templates).
 *
 * @param parameters       trainable parameters of the paper's network (Table 1)
 * @param embeddingNetwork the network the paper embedded images with
 * @param table2           per-scheme mean and SD of the test accuracy (percent; SD as printed, a fraction of 1)
 * @param nodeSizes        the paper's second-level dendrogram node sizes
 * @param table3           Table 3 as printed
 * @param setup            the paper's data and protocol (Sections 3 and 4), or {@code null} if not given
 */
public record PaperValues(String citation, List<String> notes, long parameters, String embeddingNetwork,
                          List<Scheme> table2, Map<String, Integer> nodeSizes, List<Table3Row> table3,
                          Setup setup) {

    /**
     * The paper's configuration, which a run is compared with before its numbers are.
     *
     * @param runs runs per Table 2 scheme
     */
    public record Setup(int imagesPerClass, int imageSize, int epochs, int batchSize, double learningRate,
                        double trainFraction, int runs) {
    }

    /** The paper's Scheme 4 mean minus its Scheme 1 mean (percentage points), or NaN without both. */
    public double improvement() {
        return scheme(4).map(Scheme::mean).orElse(Double.NaN) - scheme(1).map(Scheme::mean).orElse(Double.NaN);
    }

    /** A Table 2 scheme: mean accuracy in percent, SD as printed (0.04 means 4 percentage points). */
    public record Scheme(int scheme, double mean, double sd, List<Double> runs) {
        /** The printed SD in percentage points. */
        public double sdPoints() {
            return 100 * sd;
        }
    }

    /** A Table 3 row as printed; accuracies and improvement in percent. */
    public record Table3Row(String targetU, String targetP, int targetSize, int sourceSize,
                            double oneMinusCosineDistance, double scheme1, double scheme4, double improvement) {
    }

    public static PaperValues read(Path file) {
        return Json.read(file, PaperValues.class, "it should hold the paper's values: check the file named by "
                + "tl.paperValues");
    }

    public Optional<Scheme> scheme(int scheme) {
        return table2.stream().filter(s -> s.scheme() == scheme).findFirst();
    }
}
