package org.tlrepro.core.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Exact agglomerative hierarchical clustering by the nearest-neighbour chain algorithm (Murtagh 1983; the
 * algorithm SciPy uses for Ward, average and complete linkage): O(n^2) time after the distances, O(n^2) memory
 * for the condensed distance matrix, which the Lance-Williams updates overwrite in place.
 *
 * <p>Deterministic: a nearest neighbour is the closest active cluster, ties going to the previous element of the
 * chain and then to the smaller index. Merges are found out of order, then sorted by height (stably) and
 * relabelled with a union-find, as SciPy does, so cluster ids follow the merge order.
 *
 * <p>No well-kept Java library offers this exactly with those guarantees (Smile and ELKI use other algorithms or
 * licences that do not fit), so it is written here and tested against a brute-force reference.
 */
public final class NearestNeighbourChain {

    private NearestNeighbourChain() {
    }

    /** Clusters {@code n} points given their condensed distances (see {@link Metric#condensed}). */
    public static Dendrogram cluster(int n, double[] condensed, Linkage linkage) {
        if (condensed.length != (long) n * (n - 1) / 2) {
            throw new IllegalArgumentException("expected " + (long) n * (n - 1) / 2 + " distances for " + n
                    + " points, got " + condensed.length);
        }
        double[] d = condensed.clone();
        int[] size = new int[n];
        java.util.Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        java.util.Arrays.fill(active, true);
        // slot i holds the cluster that merged into it; raw merges name slots, relabelled afterwards
        List<double[]> raw = new ArrayList<>(Math.max(0, n - 1));
        int[] chain = new int[n];
        int length = 0;
        for (int step = 0; step < n - 1; step++) {
            if (length == 0) {
                chain[length++] = firstActive(active);
            }
            while (true) {
                int x = chain[length - 1];
                int previous = length > 1 ? chain[length - 2] : -1;
                int y = previous;
                double best = previous >= 0 ? d[index(n, x, previous)] : Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (!active[i] || i == x) {
                        continue;
                    }
                    double di = d[index(n, x, i)];
                    if (di < best || (di == best && y != previous && i < y)) {
                        best = di;
                        y = i;
                    }
                }
                if (y == previous) {
                    length -= 2;
                    merge(n, d, size, active, raw, Math.min(x, y), Math.max(x, y), best, linkage);
                    break;
                }
                chain[length++] = y;
            }
        }
        return relabel(n, raw);
    }

    private static int firstActive(boolean[] active) {
        for (int i = 0; i < active.length; i++) {
            if (active[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no active cluster");
    }

    /** Merges slot {@code j} into slot {@code i} (i < j) and updates the distances to the new cluster. */
    private static void merge(int n, double[] d, int[] size, boolean[] active, List<double[]> raw, int i, int j,
                              double dij, Linkage linkage) {
        raw.add(new double[] {i, j, dij});
        for (int k = 0; k < n; k++) {
            if (!active[k] || k == i || k == j) {
                continue;
            }
            int ik = index(n, i, k);
            d[ik] = linkage.update(d[ik], d[index(n, j, k)], dij, size[i], size[j], size[k]);
        }
        size[i] += size[j];
        active[j] = false;
    }

    /** SciPy's ordering: stable sort by height, then ids from a union-find over the slots. */
    private static Dendrogram relabel(int n, List<double[]> raw) {
        List<double[]> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingDouble(m -> m[2]));
        int[] parent = new int[2 * n];
        int[] sizes = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            parent[i] = i;
            sizes[i] = i < n ? 1 : 0;
        }
        List<Dendrogram.Merge> merges = new ArrayList<>();
        int next = n;
        for (double[] m : sorted) {
            int a = find(parent, (int) m[0]);
            int b = find(parent, (int) m[1]);
            int left = Math.min(a, b);
            int right = Math.max(a, b);
            parent[a] = next;
            parent[b] = next;
            sizes[next] = sizes[a] + sizes[b];
            merges.add(new Dendrogram.Merge(left, right, m[2], sizes[next]));
            next++;
        }
        return new Dendrogram(n, merges);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Position of pair (i, j), i != j, in the condensed matrix. */
    static int index(int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return (int) ((long) n * i - (long) i * (i + 1) / 2 + (j - i - 1));
    }
}
