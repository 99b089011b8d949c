package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.SubsetPair;

/**
 * Which Table 3 combinations to train when there are more than a user wants: with C classes there are 4^C of them
 * (16, 64, 256, ...). The chosen ones are spread evenly over the source-target cosine distance, nearest and
 * farthest included, so that Figure 2's question (does the gain fall with the distance?) keeps its whole x range.
 */
public final class CombinationChoice {

    private CombinationChoice() {
    }

    /**
     * @param all   every combination, in the clustering's order
     * @param limit how many to train, or {@code null} for all
     * @return the chosen ones, in the clustering's order
     */
    public static List<SubsetPair> choose(List<SubsetPair> all, Integer limit) {
        if (limit == null || limit >= all.size()) {
            return all;
        }
        if (limit < 1) {
            throw new TlException("tl.table3.combinations is " + limit + ": it must be at least 1 (unset it to "
                    + "train all " + all.size() + ", or set tl.table3=false to train none)");
        }
        List<Integer> byDistance = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            byDistance.add(i);
        }
        // ties in distance keep the clustering's order, so the choice is the same on every machine
        byDistance.sort(Comparator.comparingDouble((Integer i) -> all.get(i).centroidCosineDistance())
                .thenComparingInt(i -> i));
        Set<Integer> chosen = new TreeSet<>();
        if (limit == 1) {
            chosen.add(byDistance.get((all.size() - 1) / 2));
        } else {
            for (int k = 0; k < limit; k++) {
                chosen.add(byDistance.get((int) Math.round((double) k * (all.size() - 1) / (limit - 1))));
            }
        }
        return chosen.stream().map(all::get).toList();
    }
}
