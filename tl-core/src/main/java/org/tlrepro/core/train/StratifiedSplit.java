package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random split of a subset into a training and a test part that keeps each class's share (Section 3.4: 70% /
 * 30% of the target subset, drawn anew for each run).
 *
 * @param train rows for training, ascending
 * @param test  rows for testing, ascending
 */
public record StratifiedSplit(int[] train, int[] test) {

    /**
     * @param rows     the subset's rows
     * @param labels   label of every row of the data set
     * @param fraction share of each class that goes to training, rounded to the nearest image
     */
    public static StratifiedSplit of(int[] rows, int[] labels, double fraction, long seed) {
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int r : rows) {
            byClass.computeIfAbsent(labels[r], k -> new ArrayList<>()).add(r);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            Collections.sort(members);
            Collections.shuffle(members, random);
            int cut = (int) Math.round(members.size() * fraction);
            train.addAll(members.subList(0, cut));
            test.addAll(members.subList(cut, members.size()));
        }
        return new StratifiedSplit(sorted(train), sorted(test));
    }

    private static int[] sorted(List<Integer> rows) {
        int[] out = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
