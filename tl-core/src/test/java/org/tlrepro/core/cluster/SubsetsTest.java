package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SubsetsTest {

    private static final String P = "Parasitized";
    private static final String U = "Uninfected";

    /** Parasitized: the even rows 0..22 (12 images); Uninfected: the odd rows and row 24 (14 images). */
    private static final int[] P_ROWS = IntStream.rangeClosed(0, 11).map(i -> 2 * i).toArray();
    private static final int[] U_ROWS = IntStream.concat(IntStream.rangeClosed(0, 12).map(i -> 2 * i + 1),
            IntStream.of(24)).sorted().toArray();
    private static final int TOTAL = 26;

    /**
     * A class tree whose level-2 nodes have {@code sizes} (A's two ascending, then B's two ascending): four groups
     * of points on a line, A's two close together and far from B's, clustered with Ward.
     */
    private static ClassTree tree(String className, String prefix, int[] rows, int... sizes) {
        double[] centres = {0, 10, 1000, 1010};
        List<Double> points = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            for (int j = 0; j < sizes[g]; j++) {
                points.add(centres[g] + 0.01 * j);
            }
        }
        java.util.Collections.shuffle(points, new Random(rows.length));
        int n = points.size();
        assertEquals(rows.length, n);
        double[] condensed = new double[n * (n - 1) / 2];
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                condensed[p++] = Math.abs(points.get(i) - points.get(j));
            }
        }
        ClassTree t = ClassTree.cut(className, prefix, NearestNeighbourChain.cluster(n, condensed, Linkage.WARD),
                rows, Linkage.WARD);
        assertEquals(Arrays.stream(sizes).boxed().toList(), t.level2().stream().map(Node::size).toList());
        return t;
    }

    private static List<ClassTree> trees() {
        return List.of(tree(P, "P", P_ROWS, 3, 4, 2, 3), tree(U, "U", U_ROWS, 3, 5, 2, 4));
    }

    private static String[] classOfRow() {
        String[] c = new String[TOTAL];
        Arrays.stream(P_ROWS).forEach(r -> c[r] = P);
        Arrays.stream(U_ROWS).forEach(r -> c[r] = U);
        return c;
    }

    private static float[][] randomEmbeddings(long seed) {
        Random random = new Random(seed);
        float[][] e = new float[TOTAL][3];
        for (float[] v : e) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian() + (i == 0 ? 1f : 0f);
            }
        }
        return e;
    }

    private static Map<String, Node> nodesById(List<ClassTree> trees) {
        Map<String, Node> byId = new LinkedHashMap<>();
        for (ClassTree t : trees) {
            t.level1().forEach(n -> byId.put(n.id(), n));
            t.level2().forEach(n -> byId.put(n.id(), n));
        }
        return byId;
    }

    /** cos(angle) between the centroids of the two row sets, computed straightforwardly. */
    private static double directCosine(float[][] e, Set<Integer> a, Set<Integer> b) {
        double[] ca = new double[e[0].length];
        double[] cb = new double[e[0].length];
        for (int r : a) {
            for (int i = 0; i < ca.length; i++) {
                ca[i] += e[r][i] / (double) a.size();
            }
        }
        for (int r : b) {
            for (int i = 0; i < cb.length; i++) {
                cb[i] += e[r][i] / (double) b.size();
            }
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < ca.length; i++) {
            dot += ca[i] * cb[i];
            na += ca[i] * ca[i];
            nb += cb[i] * cb[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static Set<Integer> rowsOf(Map<String, Node> byId, List<String> ids) {
        Set<Integer> rows = new HashSet<>();
        for (String id : ids) {
            for (int r : byId.get(id).members()) {
                assertTrue(rows.add(r), "row " + r + " is in two nodes of " + ids);
            }
        }
        return rows;
    }

    @Test
    void levelOneTargetsTheSmallerNodeOfEachClass() {
        List<ClassTree> trees = trees();
        float[][] e = randomEmbeddings(1);
        SubsetPair level1 = new Subsets(trees, e, classOfRow()).level1();

        assertEquals("level1", level1.id());
        assertEquals(List.of("PB", "UB"), level1.targetNodes());
        assertEquals(List.of("PA", "UA"), level1.sourceNodes());
        assertEquals(5 + 6, level1.target().size());
        assertEquals(7 + 8, level1.source().size());
        assertEquals(Map.of(P, 5, U, 6), level1.target().classCounts());
        assertEquals(Map.of(P, 7, U, 8), level1.source().classCounts());
        assertEquals(100.0 * 5 / 6, level1.target().minorityToMajorityPercent(), 1e-12);
        assertEquals(100.0 * 7 / 8, level1.source().minorityToMajorityPercent(), 1e-12);

        Map<String, Node> byId = nodesById(trees);
        double expected = directCosine(e, rowsOf(byId, List.of("PB", "UB")), rowsOf(byId, List.of("PA", "UA")));
        assertEquals(expected, level1.centroidCosineSimilarity(), 1e-6);
        assertEquals(1 - level1.centroidCosineSimilarity(), level1.centroidCosineDistance(), 1e-15);
    }

    @Test
    void centroidSimilarityOfKnownCentroids() {
        List<ClassTree> trees = trees();
        Map<String, Node> byId = nodesById(trees);
        Set<Integer> target = rowsOf(byId, List.of("PB", "UB"));
        // target rows point along x, source rows along y: orthogonal centroids
        float[][] e = new float[TOTAL][];
        for (int r = 0; r < TOTAL; r++) {
            e[r] = target.contains(r) ? new float[] {2, 0, 0} : new float[] {0, 3, 0};
        }
        SubsetPair orthogonal = new Subsets(trees, e, classOfRow()).level1();
        assertEquals(0, orthogonal.centroidCosineSimilarity(), 1e-12);
        assertEquals(1, orthogonal.centroidCosineDistance(), 1e-12);

        // every vector a different positive multiple of (1,1,1): the centroids are parallel
        for (int r = 0; r < TOTAL; r++) {
            float s = 1 + r;
            e[r] = new float[] {s, s, s};
        }
        SubsetPair parallel = new Subsets(trees, e, classOfRow()).level1();
        assertEquals(1, parallel.centroidCosineSimilarity(), 1e-12);
        assertEquals(0, parallel.centroidCosineDistance(), 1e-12);
    }

    @Test
    void sixteenCombinationsOneLevelTwoNodePerClass() {
        List<ClassTree> trees = trees();
        float[][] e = randomEmbeddings(2);
        List<SubsetPair> combinations = new Subsets(trees, e, classOfRow()).combinations();
        Map<String, Node> byId = nodesById(trees);

        List<String> expectedIds = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            for (int u = 1; u <= 4; u++) {
                expectedIds.add("P" + p + "+U" + u);
            }
        }
        assertEquals(expectedIds, combinations.stream().map(SubsetPair::id).toList());

        List<String> allLevel2 = List.of("P1", "P2", "P3", "P4", "U1", "U2", "U3", "U4");
        for (SubsetPair c : combinations) {
            String[] parts = c.id().split("\\+");
            assertEquals(List.of(parts), c.targetNodes(), c.id());
            List<String> source = allLevel2.stream().filter(id -> !c.targetNodes().contains(id)).toList();
            assertEquals(source, c.sourceNodes(), c.id());
            assertEquals(6, c.sourceNodes().size());

            int pSize = byId.get(parts[0]).size();
            int uSize = byId.get(parts[1]).size();
            assertEquals(pSize + uSize, c.target().size(), c.id());
            assertEquals(TOTAL, c.target().size() + c.source().size(), c.id());
            assertEquals(Map.of(P, pSize, U, uSize), c.target().classCounts(), c.id());
            assertEquals(Map.of(P, 12 - pSize, U, 14 - uSize), c.source().classCounts(), c.id());
            assertEquals(100.0 * Math.min(pSize, uSize) / Math.max(pSize, uSize),
                    c.target().minorityToMajorityPercent(), 1e-12, c.id());
            assertEquals(100.0 * Math.min(12 - pSize, 14 - uSize) / Math.max(12 - pSize, 14 - uSize),
                    c.source().minorityToMajorityPercent(), 1e-12, c.id());

            Set<Integer> targetRows = rowsOf(byId, c.targetNodes());
            Set<Integer> sourceRows = rowsOf(byId, c.sourceNodes());
            assertTrue(targetRows.stream().noneMatch(sourceRows::contains), c.id());
            assertEquals(TOTAL, targetRows.size() + sourceRows.size(), c.id());
            assertEquals(directCosine(e, targetRows, sourceRows), c.centroidCosineSimilarity(), 1e-6, c.id());
            assertEquals(1 - c.centroidCosineSimilarity(), c.centroidCosineDistance(), 1e-15, c.id());
        }
        // the similarities differ between combinations: each is computed from its own rows
        assertTrue(combinations.stream().mapToDouble(SubsetPair::centroidCosineSimilarity).distinct().count() > 1);
    }
}
