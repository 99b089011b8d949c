package org.tlrepro.core.results;

import java.util.List;

import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainSetup;

/**
 * Everything the report shows and the gates judge, derived from the run ledger, the clustering and the paper's
 * values; nothing in it is entered by hand.
 *
 * @param table2          the four schemes
 * @param improvement     mean of Scheme 4 minus mean of Scheme 1 (percentage points), or NaN without both
 * @param table3          the combinations, sorted like the paper's (improvement, descending)
 * @param figure2         improvement against source-target cosine distance
 * @param figure3Source   improvement against the source's minority/majority class ratio
 * @param figure3Target   improvement against the target's minority/majority class ratio
 * @param setup           the protocol and network the runs were trained with, or {@code null} where not recorded
 *                        (published results of a tl before it recorded them)
 * @param deviations      where this reproduction's protocol differs from the paper's, in words
 * @param reductions      where this run's configuration is not the paper's (fewer images, epochs or runs, another
 *                        input size or learning rate), in words: empty for a run of the paper's configuration
 * @param runs            every run the results derive from (Table 2 and Table 3), for the per-run tests
 */
public record Results(List<SchemeSummary> table2, double improvement, List<CombinationSummary> table3,
                      Regression figure2, Regression figure3Source, Regression figure3Target,
                      ClusterResult clustering, PaperValues paper, TrainSetup setup, List<String> deviations,
                      List<String> reductions, List<RunResult> runs) {
}
