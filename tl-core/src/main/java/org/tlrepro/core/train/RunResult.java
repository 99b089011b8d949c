package org.tlrepro.core.train;

import java.io.Serializable;
import java.util.List;

/**
 * One finished training run, as stored in the ledger.
 *
 * @param experiment      "table2", or "table3/" + combination id (e.g. "table3/P2+U2")
 * @param scheme          1 to 4 (Section 3.4)
 * @param run             1-based run number
 * @param seed            seed of the run (split, initialisation, shuffling); never 0
 * @param trainSize       training images
 * @param testSize        test images (the target's test part)
 * @param testLoss        mean cross-entropy on the test part
 * @param testAccuracy    accuracy on the test part, 0 to 1
 * @param epochLosses     mean training loss of each epoch
 * @param seconds         wall time of the run
 * @param imagesPerSecond training images processed per second (epochs x train size / training time)
 * @param backend         numeric backend, as NativeBackend describes it
 * @param fingerprint     hash of everything that determines the run
 * @param confusion       test counts by true class (row) and predicted class (column), labels in sorted class order
 * @param majorityRate    share of the test part's most frequent class, 0 to 1: the accuracy of a model that
 *                        always predicts that class, the baseline any real model must beat
 */
public record RunResult(String experiment, int scheme, int run, long seed, int trainSize, int testSize,
                        double testLoss, double testAccuracy, List<Double> epochLosses, double seconds,
                        double imagesPerSecond, String backend, String toolVersion, String fingerprint,
                        List<List<Integer>> confusion, double majorityRate) implements Serializable {

    /**
     * Why this record cannot be the run it says it is, or null when it can: the confusion matrix must count the test
     * part, and the accuracy must be its diagonal's share (a record edited by hand rarely keeps both in step).
     */
    public String inconsistency() {
        if (confusion == null || confusion.isEmpty()) {
            return "has no confusion matrix";
        }
        long total = 0;
        long correct = 0;
        for (int i = 0; i < confusion.size(); i++) {
            List<Integer> row = confusion.get(i);
            if (row == null || row.size() != confusion.size()) {
                return "has a confusion matrix that is not square";
            }
            for (int j = 0; j < row.size(); j++) {
                total += row.get(j);
                correct += i == j ? row.get(j) : 0;
            }
        }
        if (total != testSize) {
            return "has a confusion matrix of " + total + " test images, not the " + testSize + " it records";
        }
        if (total == 0 || Math.abs((double) correct / total - testAccuracy) > 1e-9) {
            return "records an accuracy of " + testAccuracy + " where its confusion matrix gives " + correct + "/"
                    + total;
        }
        return null;
    }

    /** Test accuracy minus the majority-class rate, in percentage points. */
    public double pointsAboveMajority() {
        return 100 * (testAccuracy - majorityRate);
    }

    /** Whether every test image got the same predicted class: the model learned nothing it could use. */
    public boolean predictedOneClass() {
        if (confusion == null || confusion.isEmpty()) {
            return false;
        }
        int classes = confusion.get(0).size();
        long predicted = java.util.stream.IntStream.range(0, classes)
                .filter(c -> confusion.stream().mapToInt(row -> row.get(c)).sum() > 0).count();
        return predicted <= 1;
    }
}
