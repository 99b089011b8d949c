package org.tlrepro.core.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import org.tlrepro.core.TlException;

/**
 * One class's dendrogram cut at its first two levels (Sections 3.2 and 3.5 of the paper).
 *
 * <p>Naming: level-1 node {@code A} is the larger child of the root (it goes to the source subset, Section 3.2),
 * {@code B} the smaller. Their children are the level-2 nodes 1 and 2 (under A) and 3 and 4 (under B), each pair
 * in ascending size, as the paper lists U1..U4 and P1..P4. Ties go to the node holding the lowest point
 * (the lowest row, as {@link ClusterStage} passes rows in ascending order).
 *
 * @param rows the prepared data set's rows of this class, in the order the dendrogram's points were given
 */
public record ClassTree(String className, String prefix, Dendrogram dendrogram, int[] rows, List<Node> level1,
                        List<Node> level2) {

    /** Cuts {@code dendrogram} (over {@code rows} of class {@code className}) into its level-1 and level-2 nodes. */
    public static ClassTree cut(String className, String prefix, Dendrogram dendrogram, int[] rows, Linkage linkage) {
        return cut(className, prefix, dendrogram, rows, linkage, row -> "row " + row);
    }

    /**
     * As {@link #cut(String, String, Dendrogram, int[], Linkage)}, naming an image that forms a node alone by
     * {@code imageName} of its row, so that the user can look at it.
     */
    public static ClassTree cut(String className, String prefix, Dendrogram dendrogram, int[] rows, Linkage linkage,
                                IntFunction<String> imageName) {
        if (rows.length < 4) {
            throw new TlException("class " + className + " has " + rows.length + " images: at least 4 are needed "
                    + "for two dendrogram levels; use more images per class (tl.perClass)");
        }
        List<Integer> top = children(dendrogram, dendrogram.root(), false);
        checkSplit(className, "first", dendrogram, top, linkage, rows, imageName);
        List<Node> level1 = new ArrayList<>();
        List<Node> level2 = new ArrayList<>();
        int level2Number = 1;
        for (int i = 0; i < 2; i++) {
            int id = top.get(i);
            String name = prefix + (i == 0 ? "A" : "B");
            level1.add(node(name, className, 1, null, dendrogram, id, rows));
            List<Integer> below = children(dendrogram, id, true);
            checkSplit(className, "second-level (under " + name + ")", dendrogram, below, linkage, rows,
                    imageName);
            for (int child : below) {
                level2.add(node(prefix + level2Number++, className, 2, name, dendrogram, child, rows));
            }
        }
        return new ClassTree(className, prefix, dendrogram, rows, List.copyOf(level1), List.copyOf(level2));
    }

    /** The two children of {@code id}: larger first, or ascending when {@code ascending}. */
    private static List<Integer> children(Dendrogram d, int id, boolean ascending) {
        if (d.isLeaf(id)) {
            return List.of(id);
        }
        List<Integer> ch = new ArrayList<>(List.of(d.children(id)[0], d.children(id)[1]));
        Comparator<Integer> bySize = Comparator.comparingInt(d::size);
        Comparator<Integer> order = (ascending ? bySize : bySize.reversed())
                .thenComparingInt(c -> d.members(c)[0]);
        ch.sort(order);
        return ch;
    }

    private static void checkSplit(String className, String which, Dendrogram d, List<Integer> nodes,
                                   Linkage linkage, int[] rows, IntFunction<String> imageName) {
        if (nodes.size() < 2 || nodes.stream().anyMatch(n -> d.size(n) < 2)) {
            List<String> alone = nodes.stream().filter(n -> d.size(n) == 1)
                    .map(n -> imageName.apply(rows[d.members(n)[0]])).toList();
            throw new TlException("class " + className + ": the " + which + " split of its dendrogram gives nodes of "
                    + nodes.stream().map(d::size).toList() + " images; a node of a single image cannot form a subset. "
                    + "Alone: " + String.join(", ", alone) + ". "
                    + (linkage == Linkage.WARD ? "It is far from the rest of its class: look at it, and if it does "
                    + "not belong there, remove it from the images and list them again (tl:manifest "
                    + "-Dtl.force=true), or give the class more images"
                    : "Linkage " + linkage.name().toLowerCase() + " tends to split off outliers; try tl.linkage=ward"));
        }
    }

    private static Node node(String name, String className, int level, String parent, Dendrogram d, int id,
                             int[] rows) {
        int[] points = d.members(id);
        int[] members = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            members[i] = rows[points[i]];
        }
        java.util.Arrays.sort(members);
        return new Node(name, className, level, parent, id, d.height(id), members);
    }
}
