package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class MetricTest {

    private static double direct(Metric metric, double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double diff = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
            diff += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return metric == Metric.EUCLIDEAN ? Math.sqrt(diff) : 1 - dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    @Test
    void condensedMatchesADirectComputationInPdistOrder() {
        Random r = new Random(1);
        for (int n : new int[] {2, 3, 17, 60}) {
            for (int dim : new int[] {1, 2, 8, 30}) {
                double[][] x = new double[n][dim];
                for (double[] row : x) {
                    for (int k = 0; k < dim; k++) {
                        row[k] = r.nextGaussian() * 3 + (dim == 1 ? 0.5 : 0);
                    }
                }
                for (Metric metric : Metric.values()) {
                    double[] d = metric.condensed(x);
                    assertEquals(n * (n - 1) / 2, d.length);
                    int p = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++, p++) {
                            double expected = direct(metric, x[i], x[j]);
                            assertEquals(expected, d[p], 1e-9,
                                    metric + " n=" + n + " d=" + dim + " (" + i + "," + j + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void smallExamplesByHand() {
        double[][] x = {{0, 0}, {3, 0}, {0, 4}};
        assertArrayEquals(new double[] {3, 4, 5}, Metric.EUCLIDEAN.condensed(x), 1e-12);
        double[][] y = {{1, 0}, {0, 2}, {-3, 0}, {2, 2}};
        double h = 1 - 1 / Math.sqrt(2);
        assertArrayEquals(new double[] {1, 2, h, 1, h, 1 + 1 / Math.sqrt(2)}, Metric.COSINE.condensed(y), 1e-12);
    }

    @Test
    void fewerThanTwoRowsGiveNoDistances() {
        assertEquals(0, Metric.EUCLIDEAN.condensed(new double[][] {{1, 2}}).length);
        assertEquals(0, Metric.COSINE.condensed(new double[0][]).length);
    }

    @Test
    void cosineIsNeverNegativeAndEuclideanOfEqualRowsIsSmall() {
        double[][] x = {{1, 2, 3}, {2, 4, 6}, {1, 2, 3}};
        double[] c = Metric.COSINE.condensed(x);
        for (double v : c) {
            assertTrue(v >= 0 && v < 1e-12, "cosine of parallel vectors: " + v);
        }
        assertEquals(0, Metric.EUCLIDEAN.condensed(x)[1], 1e-6);
    }

    @Test
    void cosineRejectsAnAllZeroVector() {
        double[][] x = {{1, 2}, {0, 0}, {3, 1}};
        assertThrows(TlException.class, () -> Metric.COSINE.condensed(x));
        assertEquals(3, Metric.EUCLIDEAN.condensed(x).length);
    }

    @Test
    void parseIgnoresCaseAndRejectsUnknownNames() {
        assertEquals(Metric.EUCLIDEAN, Metric.parse("euclidean"));
        assertEquals(Metric.EUCLIDEAN, Metric.parse("EuClIdEaN"));
        assertEquals(Metric.COSINE, Metric.parse("COSINE"));
        assertEquals(Metric.COSINE, Metric.parse(" cosine "));
        TlException e = assertThrows(TlException.class, () -> Metric.parse("manhattan"));
        assertTrue(e.getMessage().contains("tl.metric"), e.getMessage());
        assertTrue(e.getMessage().contains("manhattan"), e.getMessage());
        assertThrows(TlException.class, () -> Metric.parse(""));
    }
}
