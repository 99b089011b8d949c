package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The order an epoch visits the examples in: a shuffle of 0..n-1 by {@link Collections#shuffle(List, Random)}. */
public final class BatchOrder {

    private BatchOrder() {
    }

    /** The next epoch's order from {@code random}, which carries over from epoch to epoch. */
    public static int[] next(int n, Random random) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
