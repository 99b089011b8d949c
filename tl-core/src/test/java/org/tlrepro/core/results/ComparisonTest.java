package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void welchMatchesScipy() {
        // scipy.stats.ttest_ind(now, baseline, equal_var=False): t -1.8973665961010275, p 0.10753119493062728
        Comparison c = Comparison.welch(new double[] {2, 4, 6, 8, 10}, new double[] {1, 2, 3, 4, 5});
        assertEquals(-1.8973665961010275, c.t(), 1e-12);
        assertEquals(0.10753119493062728, c.p(), 1e-9);
        assertEquals(-3.0, c.change(), 1e-12);
        // a broken training against a learning one: t 35.415374005495345, p 5.676437710433905e-07
        Comparison broken = Comparison.welch(new double[] {51.2, 50.3, 52.0, 49.8},
                new double[] {70.1, 71.3, 69.8, 70.6, 70.9});
        assertEquals(35.415374005495345, broken.t(), 1e-9);
        assertEquals(5.676437710433905e-07, broken.p(), 1e-12);
        assertEquals(4, broken.baselineN());
        assertEquals(5, broken.nowN());
    }

    @Test
    void constantSamplesAreEqualOrNot() {
        Comparison same = Comparison.welch(new double[] {60, 60}, new double[] {60, 60, 60});
        assertEquals(1.0, same.p());
        assertEquals(0.0, same.t());
        Comparison other = Comparison.welch(new double[] {60, 60}, new double[] {50, 50});
        assertEquals(0.0, other.p());
        assertEquals(Double.NEGATIVE_INFINITY, other.t());
    }

    @Test
    void oneValueIsNotASample() {
        assertThrows(IllegalArgumentException.class, () -> Comparison.welch(new double[] {1}, new double[] {1, 2}));
    }
}
