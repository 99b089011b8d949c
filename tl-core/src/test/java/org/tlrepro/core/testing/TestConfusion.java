package org.tlrepro.core.testing;

import java.util.List;

/** Confusion matrices for hand-made run records. */
public final class TestConfusion {

    private TestConfusion() {
    }

    /**
     * Counts of 30 test images, 18 of the majority class (rate 0.6) and 12 of the other, {@code accuracy} of them
     * right: majority-class images first.
     */
    public static List<List<Integer>> of30(double accuracy) {
        int correct = (int) Math.round(accuracy * 30);
        int a = Math.min(18, correct);
        int d = correct - a;
        return List.of(List.of(a, 18 - a), List.of(12 - d, d));
    }
}
