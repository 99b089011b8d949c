package org.tlrepro.core.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of agglomerative clustering in SciPy's linkage-matrix form: merge {@code k} joins clusters
 * {@code left} and {@code right} (ids below {@code n} are points, id {@code n + k} is the cluster merge {@code k}
 * made) at {@code height}, giving a cluster of {@code size} points. Merges are in order of height.
 */
public record Dendrogram(int n, List<Merge> merges) {

    /** One merge. */
    public record Merge(int left, int right, double height, int size) {
    }

    public Dendrogram {
        merges = List.copyOf(merges);
    }

    /** Id of the root cluster. */
    public int root() {
        return n == 1 ? 0 : n + merges.size() - 1;
    }

    public boolean isLeaf(int id) {
        return id < n;
    }

    /** The two clusters that cluster {@code id} was merged from. */
    public int[] children(int id) {
        Merge m = merges.get(id - n);
        return new int[] {m.left(), m.right()};
    }

    public int size(int id) {
        return isLeaf(id) ? 1 : merges.get(id - n).size();
    }

    public double height(int id) {
        return isLeaf(id) ? 0 : merges.get(id - n).height();
    }

    /** The points under cluster {@code id}, ascending. */
    public int[] members(int id) {
        List<Integer> out = new ArrayList<>();
        ArrayList<Integer> stack = new ArrayList<>(List.of(id));
        while (!stack.isEmpty()) {
            int c = stack.remove(stack.size() - 1);
            if (isLeaf(c)) {
                out.add(c);
            } else {
                int[] ch = children(c);
                stack.add(ch[0]);
                stack.add(ch[1]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
