package org.tlrepro.core.results;

import java.util.List;

/**
 * One Table 3 row: a source/target combination with the mean accuracies of Schemes 1 and 4 over its runs.
 * Accuracies and improvement in percent; ratios are minority/majority class in percent.
 *
 * @param improvement scheme4Mean - scheme1Mean, in percentage points
 */
public record CombinationSummary(String id, List<String> targetNodes, int targetSize, int sourceSize,
                                 double targetClassRatio, double sourceClassRatio, double cosineSimilarity,
                                 double cosineDistance, int runs, double scheme1Mean, double scheme4Mean,
                                 double improvement) {
}
