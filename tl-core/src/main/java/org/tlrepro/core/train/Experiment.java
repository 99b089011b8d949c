package org.tlrepro.core.train;

import java.io.Serializable;
import java.util.List;

/**
 * A source/target split and the schemes trained on it.
 *
 * @param name    "table2" or "table3/" + combination id
 * @param target  rows of the target subset
 * @param source  rows of the source subset
 * @param schemes schemes whose results are reported (Scheme 4 needs Scheme 2's model, which is always trained)
 * @param runs    number of runs
 * @param key     what determines the experiment's runs, besides run number and scheme (for fingerprints)
 */
public record Experiment(String name, int[] target, int[] source, List<Integer> schemes, int runs, String key)
        implements Serializable {
}
