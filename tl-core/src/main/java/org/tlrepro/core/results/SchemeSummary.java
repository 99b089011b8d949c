package org.tlrepro.core.results;

import java.util.List;

import org.tlrepro.core.train.RunResult;

/**
 * One scheme of Table 2: its runs and what follows from them. Accuracies in percent; SD is the sample standard
 * deviation (n - 1) in percentage points.
 *
 * @param paperMean  the paper's mean, or {@code null}
 * @param paperSd    the paper's SD converted to percentage points, or {@code null}
 * @param difference our mean minus the paper's, in percentage points, or {@code null}
 * @param majorityRate         mean over the runs of the test part's majority-class rate, in percent: what a model
 *                             that always predicts one class scores
 * @param minAboveMajority     the smallest, over the runs, of accuracy minus majority-class rate, in points
 * @param oneClassRuns         runs whose model predicted one class for every test image
 */
public record SchemeSummary(int scheme, String trainedOn, List<RunResult> runs, int n, double mean, double sd,
                            double min, double max, Double paperMean, Double paperSd, Double difference,
                            double majorityRate, double minAboveMajority, int oneClassRuns) {
}
