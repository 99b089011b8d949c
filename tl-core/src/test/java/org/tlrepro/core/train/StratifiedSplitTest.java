package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    /** 200 rows: class of row r is r % 3, but only every other row (the even ones) belongs to the subset. */
    private static final int[] LABELS = IntStream.range(0, 200).map(r -> r % 3).toArray();
    private static final int[] SUBSET = IntStream.range(0, 200).filter(r -> r % 2 == 0).toArray();

    private static long count(int[] rows, int label) {
        return Arrays.stream(rows).filter(r -> LABELS[r] == label).count();
    }

    @Test
    void keepsEachClassShare() {
        StratifiedSplit split = StratifiedSplit.of(SUBSET, LABELS, 0.7, 1);
        for (int label = 0; label < 3; label++) {
            long n = count(SUBSET, label);
            assertEquals(Math.round(n * 0.7), count(split.train(), label), "class " + label);
            assertEquals(n - Math.round(n * 0.7), count(split.test(), label), "class " + label);
        }
    }

    @Test
    void roundsEachClassToTheNearestImage() {
        // 5 of class 0 -> round(3.5) = 4 to train; 3 of class 1 -> round(2.1) = 2
        int[] labels = {0, 0, 0, 0, 0, 1, 1, 1};
        StratifiedSplit split = StratifiedSplit.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, labels, 0.7, 3);
        assertEquals(4, Arrays.stream(split.train()).filter(r -> labels[r] == 0).count());
        assertEquals(2, Arrays.stream(split.train()).filter(r -> labels[r] == 1).count());
        assertEquals(2, split.test().length);
    }

    @Test
    void partsAreDisjointAndCoverTheSubset() {
        StratifiedSplit split = StratifiedSplit.of(SUBSET, LABELS, 0.7, 5);
        assertTrue(Arrays.stream(split.train()).noneMatch(r -> Arrays.binarySearch(split.test(), r) >= 0));
        int[] union = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(SUBSET, union);
    }

    @Test
    void isSortedAndDeterministicPerSeed() {
        StratifiedSplit a = StratifiedSplit.of(SUBSET, LABELS, 0.7, 11);
        StratifiedSplit b = StratifiedSplit.of(SUBSET, LABELS, 0.7, 11);
        StratifiedSplit c = StratifiedSplit.of(SUBSET, LABELS, 0.7, 12);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.train(), c.train()), "another seed draws another split");
        for (StratifiedSplit s : new StratifiedSplit[] {a, c}) {
            assertArrayEquals(Arrays.stream(s.train()).sorted().toArray(), s.train());
            assertArrayEquals(Arrays.stream(s.test()).sorted().toArray(), s.test());
        }
    }

    @Test
    void doesNotDependOnTheOrderOfTheInputRows() {
        int[] reversed = IntStream.range(0, SUBSET.length).map(i -> SUBSET[SUBSET.length - 1 - i]).toArray();
        assertArrayEquals(StratifiedSplit.of(SUBSET, LABELS, 0.7, 4).train(),
                StratifiedSplit.of(reversed, LABELS, 0.7, 4).train());
    }
}
