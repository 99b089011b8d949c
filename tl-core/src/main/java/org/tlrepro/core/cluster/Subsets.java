package org.tlrepro.core.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.tlrepro.core.TlException;

/**
 * Builds source/target splits from the class trees and measures them: sizes, class ratios and the cosine
 * similarity of the source and target centroids in embedding space.
 */
public final class Subsets {

    private final List<ClassTree> trees;
    private final float[][] embeddings;
    private final String[] classOfRow;

    /**
     * @param embeddings one vector per row of the prepared data set
     * @param classOfRow class name per row
     */
    public Subsets(List<ClassTree> trees, float[][] embeddings, String[] classOfRow) {
        this.trees = List.copyOf(trees);
        this.embeddings = embeddings;
        this.classOfRow = classOfRow;
    }

    /** Section 3.2: target = the smaller level-1 node (B) of each class, source = the larger (A). */
    public SubsetPair level1() {
        List<Node> target = trees.stream().map(t -> t.level1().get(1)).toList();
        List<Node> source = trees.stream().map(t -> t.level1().get(0)).toList();
        return pair("level1", target, source);
    }

    /**
     * Section 3.5: one level-2 node of each class is the target, all other level-2 nodes the source; every such
     * choice, in the order of the class trees and their nodes (4 x 4 = 16 for two classes).
     */
    public List<SubsetPair> combinations() {
        List<List<Node>> choices = new ArrayList<>();
        choices.add(List.of());
        for (ClassTree t : trees) {
            List<List<Node>> next = new ArrayList<>();
            for (List<Node> prefix : choices) {
                for (Node n : t.level2()) {
                    List<Node> c = new ArrayList<>(prefix);
                    c.add(n);
                    next.add(c);
                }
            }
            choices = next;
        }
        List<Node> all = trees.stream().flatMap(t -> t.level2().stream()).toList();
        List<SubsetPair> pairs = new ArrayList<>();
        for (List<Node> target : choices) {
            Set<Node> chosen = Set.copyOf(target);
            List<Node> source = all.stream().filter(n -> !chosen.contains(n)).toList();
            pairs.add(pair(target.stream().map(Node::id).collect(Collectors.joining("+")), target, source));
        }
        return pairs;
    }

    private SubsetPair pair(String id, List<Node> target, List<Node> source) {
        double[] t = centroid(target);
        double[] s = centroid(source);
        if (isZero(t) || isZero(s)) {
            throw new TlException("split " + id + ": the mean embedding of the " + (isZero(t) ? "target" : "source")
                    + " subset is all zeros, so its cosine similarity is undefined; the feature layer (tl.featureLayer)"
                    + " gives no signal for these images");
        }
        double similarity = cosine(t, s);
        return new SubsetPair(id, ids(target), ids(source), stats(target), stats(source), similarity, 1 - similarity);
    }

    private static List<String> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    private SubsetStats stats(Collection<Node> nodes) {
        Map<String, Integer> counts = new TreeMap<>();
        trees.forEach(t -> counts.put(t.className(), 0));
        int size = 0;
        for (Node n : nodes) {
            for (int row : n.members()) {
                counts.merge(classOfRow[row], 1, Integer::sum);
                size++;
            }
        }
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new SubsetStats(size, new LinkedHashMap<>(counts), max == 0 ? 0 : 100.0 * min / max);
    }

    private double[] centroid(Collection<Node> nodes) {
        double[] sum = new double[embeddings[0].length];
        int n = 0;
        for (Node node : nodes) {
            for (int row : node.members()) {
                float[] v = embeddings[row];
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
                n++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= n;
        }
        return sum;
    }

    private static boolean isZero(double[] v) {
        return java.util.Arrays.stream(v).allMatch(x -> x == 0);
    }

    static double cosine(double[] a, double[] b) {
        return new ArrayRealVector(a, false).cosine(new ArrayRealVector(b, false));
    }
}
