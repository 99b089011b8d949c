package org.tlrepro.core.results;

import java.util.List;

/**
 * One Table 3 row: a source/target combination with the mean accuracies of Schemes 1 and 4 over its runs.
 * Accuracies and improvement in percent; ratios are minority/majority class in percent.
 *
 * @param runs          runs that have both schemes (each run's Scheme 1 and 4 share one split of the target)
 * @param improvement   scheme4Mean - scheme1Mean, in percentage points
 * @param improvementSd sample SD (n - 1) over the paired runs of (Scheme 4 - Scheme 1), in points; NaN below
 *                      two runs. It says whether an improvement stands out from the run-to-run noise.
 * @param majorityRate  mean over the runs of the majority-class rate of the target's test part, in percent
 * @param oneClassRuns  Scheme 1 and Scheme 4 results (of the paired runs) whose model predicted one class only
 */
public record CombinationSummary(String id, List<String> targetNodes, int targetSize, int sourceSize,
                                 double targetClassRatio, double sourceClassRatio, double cosineSimilarity,
                                 double cosineDistance, int runs, double scheme1Mean, double scheme4Mean,
                                 double improvement, double improvementSd, double majorityRate, int oneClassRuns) {
}
