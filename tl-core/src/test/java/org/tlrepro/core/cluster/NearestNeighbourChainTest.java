package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class NearestNeighbourChainTest {

    // ---------------------------------------------------------------- brute-force reference

    /** The reference result: merge heights in order, and the member set of every cluster it made. */
    private record Reference(double[] heights, int[] sizes, Set<Set<Integer>> clusters) {
    }

    /**
     * Naive O(n^3) agglomerative clustering: full matrix, always merge the globally closest active pair (ties to
     * the smallest (i, j)), the same Lance-Williams updates, then a stable sort by height and SciPy relabelling.
     */
    private static Reference bruteForce(int n, double[] condensed, Linkage linkage) {
        double[][] d = new double[n][n];
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, p++) {
                d[i][j] = condensed[p];
                d[j][i] = condensed[p];
            }
        }
        int[] size = new int[n];
        Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        List<double[]> raw = new ArrayList<>();
        for (int step = 0; step < n - 1; step++) {
            int bi = -1;
            int bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!active[i]) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (active[j] && d[i][j] < best) {
                        best = d[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            raw.add(new double[] {bi, bj, best});
            for (int k = 0; k < n; k++) {
                if (!active[k] || k == bi || k == bj) {
                    continue;
                }
                double dki = d[k][bi];
                double dkj = d[k][bj];
                double ni = size[bi];
                double nj = size[bj];
                double nk = size[k];
                double u = switch (linkage) {
                    case SINGLE -> Math.min(dki, dkj);
                    case COMPLETE -> Math.max(dki, dkj);
                    case AVERAGE -> (ni * dki + nj * dkj) / (ni + nj);
                    case WARD -> Math.sqrt(Math.max(0,
                            ((ni + nk) * dki * dki + (nj + nk) * dkj * dkj - nk * best * best) / (ni + nj + nk)));
                };
                d[k][bi] = u;
                d[bi][k] = u;
            }
            size[bi] += size[bj];
            active[bj] = false;
        }
        List<double[]> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingDouble(m -> m[2]));
        int[] parent = new int[2 * n];
        List<Set<Integer>> members = new ArrayList<>();
        for (int i = 0; i < 2 * n; i++) {
            parent[i] = i;
            members.add(i < n ? Set.of(i) : null);
        }
        double[] heights = new double[sorted.size()];
        int[] sizes = new int[sorted.size()];
        Set<Set<Integer>> clusters = new HashSet<>();
        int next = n;
        for (double[] m : sorted) {
            int a = find(parent, (int) m[0]);
            int b = find(parent, (int) m[1]);
            parent[a] = next;
            parent[b] = next;
            Set<Integer> union = new TreeSet<>(members.get(a));
            union.addAll(members.get(b));
            members.set(next, union);
            clusters.add(union);
            heights[next - n] = m[2];
            sizes[next - n] = union.size();
            next++;
        }
        return new Reference(heights, sizes, clusters);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            x = parent[x];
        }
        return x;
    }

    // ---------------------------------------------------------------- helpers

    private static double[][] gaussian(int n, int dim, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][dim];
        for (double[] row : x) {
            for (int k = 0; k < dim; k++) {
                row[k] = r.nextGaussian();
            }
        }
        return x;
    }

    private static double distance(double[] condensed, int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return condensed[n * i - i * (i + 1) / 2 + (j - i - 1)];
    }

    private static Set<Integer> asSet(int[] members) {
        Set<Integer> s = new TreeSet<>();
        for (int m : members) {
            s.add(m);
        }
        return s;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-12,
                what + ": expected " + expected + ", got " + actual);
    }

    /** Structure every dendrogram must have: ids, sizes, each cluster used once, heights non-decreasing. */
    private static void assertWellFormed(Dendrogram dg, int n) {
        assertEquals(n, dg.n());
        assertEquals(Math.max(0, n - 1), dg.merges().size());
        boolean[] used = new boolean[2 * n];
        double previous = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < dg.merges().size(); k++) {
            Dendrogram.Merge m = dg.merges().get(k);
            int id = n + k;
            assertTrue(m.left() < m.right(), "left < right at merge " + k);
            assertTrue(m.left() >= 0 && m.right() < id, "children exist before merge " + k);
            assertFalse(used[m.left()] || used[m.right()], "a cluster merged twice at merge " + k);
            used[m.left()] = true;
            used[m.right()] = true;
            assertEquals(dg.size(m.left()) + dg.size(m.right()), m.size(), "size at merge " + k);
            assertEquals(m.size(), dg.members(id).length);
            assertTrue(m.height() >= previous, "heights non-decreasing at merge " + k);
            previous = m.height();
        }
        if (n > 0) {
            assertEquals(n, dg.size(dg.root()));
            assertArrayEquals(java.util.stream.IntStream.range(0, n).toArray(), dg.members(dg.root()));
        }
    }

    /**
     * Each merge height recomputed from the definition of the linkage on the children's members, independent of
     * Lance-Williams: single = min, complete = max, average = mean of the cross distances; Ward (Euclidean
     * points only) = sqrt(2 na nb / (na + nb)) * |centroid a - centroid b|.
     */
    private static void assertHeightsFromDefinition(Dendrogram dg, double[] condensed, double[][] points,
                                                    Linkage linkage) {
        int n = dg.n();
        for (int k = 0; k < dg.merges().size(); k++) {
            Dendrogram.Merge m = dg.merges().get(k);
            int[] a = dg.members(m.left());
            int[] b = dg.members(m.right());
            double expected;
            if (linkage == Linkage.WARD) {
                double[] ca = centroid(points, a);
                double[] cb = centroid(points, b);
                double s = 0;
                for (int t = 0; t < ca.length; t++) {
                    s += (ca[t] - cb[t]) * (ca[t] - cb[t]);
                }
                expected = Math.sqrt(2.0 * a.length * b.length / (a.length + b.length) * s);
            } else {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                for (int i : a) {
                    for (int j : b) {
                        double dij = distance(condensed, n, i, j);
                        min = Math.min(min, dij);
                        max = Math.max(max, dij);
                        sum += dij;
                    }
                }
                expected = switch (linkage) {
                    case SINGLE -> min;
                    case COMPLETE -> max;
                    case AVERAGE -> sum / (a.length * b.length);
                    default -> throw new AssertionError();
                };
            }
            assertTrue(Math.abs(expected - m.height()) <= 1e-7 * Math.max(1, expected),
                    linkage + " merge " + k + ": expected height " + expected + ", got " + m.height());
        }
    }

    private static double[] centroid(double[][] points, int[] members) {
        double[] c = new double[points[0].length];
        for (int i : members) {
            for (int t = 0; t < c.length; t++) {
                c[t] += points[i][t] / members.length;
            }
        }
        return c;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void agreesWithBruteForceOnRandomData() {
        int[] ns = {2, 3, 10, 57, 200};
        int[] dims = {2, 8, 30};
        int cases = 0;
        for (int n : ns) {
            for (int dim : dims) {
                for (long seed = 1; seed <= (n >= 200 ? 1 : 3); seed++) {
                    double[][] x = gaussian(n, dim, seed * 1000 + n * 31L + dim);
                    for (Metric metric : Metric.values()) {
                        double[] condensed = metric.condensed(x);
                        for (Linkage linkage : Linkage.values()) {
                            String what = "n=" + n + " d=" + dim + " seed=" + seed + " " + metric + " " + linkage;
                            Dendrogram dg = NearestNeighbourChain.cluster(n, condensed, linkage);
                            Reference ref = bruteForce(n, condensed, linkage);
                            assertWellFormed(dg, n);
                            assertEquals(ref.heights().length, dg.merges().size(), what);
                            Set<Set<Integer>> clusters = new HashSet<>();
                            for (int k = 0; k < dg.merges().size(); k++) {
                                Dendrogram.Merge m = dg.merges().get(k);
                                assertClose(ref.heights()[k], m.height(), what + " height " + k);
                                assertEquals(ref.sizes()[k], m.size(), what + " size " + k);
                                clusters.add(asSet(dg.members(n + k)));
                            }
                            assertEquals(ref.clusters(), clusters, what);
                            if (n <= 57 && !(metric == Metric.COSINE && linkage == Linkage.WARD)) {
                                assertHeightsFromDefinition(dg, condensed, x, linkage);
                            }
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals((4 * 3 * 3 + 3) * 2 * 4, cases);
    }

    @Test
    void singleLinkageOnALineByHand() {
        // points 0, 1, 3, 7: pdist order (0,1)=1 (0,2)=3 (0,3)=7 (1,2)=2 (1,3)=6 (2,3)=4
        double[] condensed = {1, 3, 7, 2, 6, 4};
        Dendrogram dg = NearestNeighbourChain.cluster(4, condensed, Linkage.SINGLE);
        assertEquals(List.of(new Dendrogram.Merge(0, 1, 1, 2), new Dendrogram.Merge(2, 4, 2, 3),
                new Dendrogram.Merge(3, 5, 4, 4)), dg.merges());
        assertEquals(6, dg.root());
        assertTrue(dg.isLeaf(3));
        assertFalse(dg.isLeaf(4));
        assertArrayEquals(new int[] {3, 5}, dg.children(6));
        assertArrayEquals(new int[] {0, 1, 2}, dg.members(5));
        assertArrayEquals(new int[] {2}, dg.members(2));
        assertEquals(1, dg.size(2));
        assertEquals(0, dg.height(2));
        assertEquals(2, dg.height(5));
        assertEquals(4, dg.size(6));
    }

    @Test
    void otherLinkagesOnALineByHand() {
        double[] condensed = {1, 3, 7, 2, 6, 4};
        assertHeights(new double[] {1, 3, 7}, NearestNeighbourChain.cluster(4, condensed, Linkage.COMPLETE));
        assertHeights(new double[] {1, 2.5, 17.0 / 3}, NearestNeighbourChain.cluster(4, condensed, Linkage.AVERAGE));
        // Ward: {0,1} at 1; {0,1}+{3} at sqrt(4/3)*2.5; then with {7} at sqrt(6/4)*(7 - 4/3)
        Dendrogram ward = NearestNeighbourChain.cluster(4, condensed, Linkage.WARD);
        assertHeights(new double[] {1, Math.sqrt(4.0 / 3) * 2.5, Math.sqrt(1.5) * (7 - 4.0 / 3)}, ward);
        assertEquals(List.of(new Dendrogram.Merge(0, 1, 1, 2), new Dendrogram.Merge(2, 4, ward.height(5), 3),
                new Dendrogram.Merge(3, 5, ward.height(6), 4)), ward.merges());
    }

    private static void assertHeights(double[] expected, Dendrogram dg) {
        assertEquals(expected.length, dg.merges().size());
        for (int k = 0; k < expected.length; k++) {
            assertClose(expected[k], dg.merges().get(k).height(), "height " + k);
        }
    }

    @Test
    void wardSeparatesTwoBlobsAtTheRoot() {
        Random r = new Random(7);
        int n = 40;
        double[][] x = new double[n][5];
        Set<Integer> left = new TreeSet<>();
        Set<Integer> right = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            double centre = i % 2 == 0 ? -50 : 50;
            (i % 2 == 0 ? left : right).add(i);
            for (int k = 0; k < 5; k++) {
                x[i][k] = (k == 0 ? centre : 0) + r.nextGaussian();
            }
        }
        Dendrogram dg = NearestNeighbourChain.cluster(n, Metric.EUCLIDEAN.condensed(x), Linkage.WARD);
        int[] ch = dg.children(dg.root());
        Set<Set<Integer>> top = Set.of(asSet(dg.members(ch[0])), asSet(dg.members(ch[1])));
        assertEquals(Set.of(left, right), top);
    }

    @Test
    void tiesStillGiveAValidTreeWithCorrectHeights() {
        // integer grid points with duplicates: many equal distances
        Random r = new Random(3);
        int n = 30;
        double[][] x = new double[n][2];
        for (double[] p : x) {
            p[0] = r.nextInt(4);
            p[1] = r.nextInt(4);
        }
        double[] condensed = new double[n * (n - 1) / 2];
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                condensed[p++] = Math.hypot(x[i][0] - x[j][0], x[i][1] - x[j][1]);
            }
        }
        for (Linkage linkage : Linkage.values()) {
            Dendrogram dg = NearestNeighbourChain.cluster(n, condensed, linkage);
            assertWellFormed(dg, n);
            assertHeightsFromDefinition(dg, condensed, x, linkage);
        }
        // single linkage heights are the minimum spanning tree's edge weights, unique even with ties
        Dendrogram single = NearestNeighbourChain.cluster(n, condensed, Linkage.SINGLE);
        Reference ref = bruteForce(n, condensed, Linkage.SINGLE);
        for (int k = 0; k < n - 1; k++) {
            assertClose(ref.heights()[k], single.merges().get(k).height(), "single height " + k);
        }
    }

    @Test
    void allEqualDistances() {
        int n = 6;
        double[] condensed = new double[n * (n - 1) / 2];
        Arrays.fill(condensed, 2.5);
        for (Linkage linkage : List.of(Linkage.SINGLE, Linkage.COMPLETE, Linkage.AVERAGE)) {
            Dendrogram dg = NearestNeighbourChain.cluster(n, condensed, linkage);
            assertWellFormed(dg, n);
            for (Dendrogram.Merge m : dg.merges()) {
                assertEquals(2.5, m.height(), 1e-12);
            }
        }
    }

    @Test
    void oneAndTwoPoints() {
        Dendrogram one = NearestNeighbourChain.cluster(1, new double[0], Linkage.WARD);
        assertEquals(0, one.merges().size());
        assertEquals(0, one.root());
        assertArrayEquals(new int[] {0}, one.members(0));
        Dendrogram two = NearestNeighbourChain.cluster(2, new double[] {3.5}, Linkage.AVERAGE);
        assertEquals(List.of(new Dendrogram.Merge(0, 1, 3.5, 2)), two.merges());
        assertEquals(2, two.root());
    }

    @Test
    void doesNotModifyItsInput() {
        double[] condensed = Metric.EUCLIDEAN.condensed(gaussian(12, 3, 5));
        double[] copy = condensed.clone();
        NearestNeighbourChain.cluster(12, condensed, Linkage.WARD);
        assertArrayEquals(copy, condensed);
    }

    @Test
    void rejectsAWrongNumberOfDistances() {
        assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbourChain.cluster(4, new double[5], Linkage.SINGLE));
        assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbourChain.cluster(4, new double[7], Linkage.WARD));
        assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbourChain.cluster(1, new double[1], Linkage.AVERAGE));
    }

    @Test
    void isDeterministic() {
        double[] condensed = Metric.COSINE.condensed(gaussian(80, 6, 11));
        for (Linkage linkage : Linkage.values()) {
            assertEquals(NearestNeighbourChain.cluster(80, condensed, linkage).merges(),
                    NearestNeighbourChain.cluster(80, condensed.clone(), linkage).merges(), linkage.toString());
        }
    }

    @Test
    void largeWardIsDeterministicAndMonotone() {
        int n = 1500;
        double[] condensed = Metric.EUCLIDEAN.condensed(gaussian(n, 64, 42));
        Dendrogram a = NearestNeighbourChain.cluster(n, condensed, Linkage.WARD);
        Dendrogram b = NearestNeighbourChain.cluster(n, condensed, Linkage.WARD);
        assertEquals(a.merges(), b.merges());
        assertEquals(n - 1, a.merges().size());
        assertEquals(n, a.size(a.root()));
        for (int k = 1; k < n - 1; k++) {
            assertTrue(a.merges().get(k).height() >= a.merges().get(k - 1).height(), "non-decreasing at " + k);
        }
    }

    @Test
    void indexFollowsPdistOrder() {
        int n = 7;
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, p++) {
                assertEquals(p, NearestNeighbourChain.index(n, i, j));
                assertEquals(p, NearestNeighbourChain.index(n, j, i));
            }
        }
    }
}
