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
 */
public record SchemeSummary(int scheme, String trainedOn, List<RunResult> runs, int n, double mean, double sd,
                            double min, double max, Double paperMean, Double paperSd, Double difference) {
}
