package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class ClassTreeTest {

    /** Rows that differ from the dendrogram's point numbers, so a missing mapping shows. */
    private static int[] rows(int n) {
        return IntStream.range(0, n).map(i -> 100 + 2 * i).toArray();
    }

    private static Dendrogram.Merge m(int left, int right, double height, int size) {
        return new Dendrogram.Merge(left, right, height, size);
    }

    /**
     * Nine points: B = {0,1,2,3} (children {2,3} = id 9 and {0,1} = id 10, equal sizes), A = {4..8} (children
     * {7,8} = id 11 and {4,5,6} = id 13). The merges list the larger / later-named child first, so the expected
     * order does not fall out of the merge order.
     */
    private static Dendrogram nine() {
        return new Dendrogram(9, List.of(
                m(2, 3, 0.1, 2),    // 9
                m(0, 1, 0.2, 2),    // 10
                m(7, 8, 0.3, 2),    // 11
                m(4, 5, 0.4, 2),    // 12
                m(6, 12, 0.5, 3),   // 13 = {4,5,6}
                m(9, 10, 0.7, 4),   // 14 = B
                m(13, 11, 0.8, 5),  // 15 = A
                m(14, 15, 2.0, 9)));  // 16 = root, smaller child first
    }

    private static void assertNode(Node n, String id, String className, int level, String parent, int dendrogramId,
                                   double height, int... members) {
        assertEquals(id, n.id());
        assertEquals(className, n.className(), id);
        assertEquals(level, n.level(), id);
        assertEquals(parent, n.parent(), id);
        assertEquals(dendrogramId, n.dendrogramId(), id);
        assertEquals(height, n.height(), 0.0, id);
        assertArrayEquals(members, n.members(), id);
        assertEquals(members.length, n.size(), id);
    }

    @Test
    void cutsAHandMadeDendrogramIntoNamedNodes() {
        ClassTree t = ClassTree.cut("Uninfected", "U", nine(), rows(9), Linkage.WARD);
        assertEquals("Uninfected", t.className());
        assertEquals("U", t.prefix());
        assertEquals(2, t.level1().size());
        assertEquals(4, t.level2().size());

        assertNode(t.level1().get(0), "UA", "Uninfected", 1, null, 15, 0.8, 108, 110, 112, 114, 116);
        assertNode(t.level1().get(1), "UB", "Uninfected", 1, null, 14, 0.7, 100, 102, 104, 106);
        // A's children ascending by size: {7,8} then {4,5,6}
        assertNode(t.level2().get(0), "U1", "Uninfected", 2, "UA", 11, 0.3, 114, 116);
        assertNode(t.level2().get(1), "U2", "Uninfected", 2, "UA", 13, 0.5, 108, 110, 112);
        // B's children have equal sizes: the one holding the lowest member ({0,1}) comes first
        assertNode(t.level2().get(2), "U3", "Uninfected", 2, "UB", 10, 0.2, 100, 102);
        assertNode(t.level2().get(3), "U4", "Uninfected", 2, "UB", 9, 0.1, 104, 106);
    }

    @Test
    void equalLevelOneNodesGoToTheNodeWithTheLowestMember() {
        // {4,5,6,7} is merged first and listed first in the root merge, yet {0,1,2,3} holds point 0: it is A
        Dendrogram d = new Dendrogram(8, List.of(
                m(4, 5, 0.1, 2),   // 8
                m(6, 7, 0.2, 2),   // 9
                m(0, 1, 0.3, 2),   // 10
                m(2, 3, 0.4, 2),   // 11
                m(8, 9, 0.5, 4),   // 12 = {4..7}
                m(10, 11, 0.6, 4), // 13 = {0..3}
                m(12, 13, 1.0, 8)));
        ClassTree t = ClassTree.cut("Parasitized", "P", d, rows(8), Linkage.WARD);
        assertNode(t.level1().get(0), "PA", "Parasitized", 1, null, 13, 0.6, 100, 102, 104, 106);
        assertNode(t.level1().get(1), "PB", "Parasitized", 1, null, 12, 0.5, 108, 110, 112, 114);
        assertNode(t.level2().get(0), "P1", "Parasitized", 2, "PA", 10, 0.3, 100, 102);
        assertNode(t.level2().get(1), "P2", "Parasitized", 2, "PA", 11, 0.4, 104, 106);
        assertNode(t.level2().get(2), "P3", "Parasitized", 2, "PB", 8, 0.1, 108, 110);
        assertNode(t.level2().get(3), "P4", "Parasitized", 2, "PB", 9, 0.2, 112, 114);
    }

    @Test
    void cutsAWardDendrogramOfFourSeparatedGroups() {
        // groups on a line: sizes 3 and 5 close together (A, 8 images), 2 and 4 close together (B, 6 images)
        double[] centres = {0, 10, 1000, 1010};
        int[] sizes = {3, 5, 2, 4};
        List<int[]> groupOfPoint = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            for (int j = 0; j < sizes[g]; j++) {
                groupOfPoint.add(new int[] {g, j});
            }
        }
        Collections.shuffle(groupOfPoint, new Random(5));
        int n = groupOfPoint.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = centres[groupOfPoint.get(i)[0]] + 0.01 * groupOfPoint.get(i)[1];
        }
        double[] condensed = new double[n * (n - 1) / 2];
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                condensed[p++] = Math.abs(x[i] - x[j]);
            }
        }
        Dendrogram d = NearestNeighbourChain.cluster(n, condensed, Linkage.WARD);
        int[] rows = rows(n);
        ClassTree t = ClassTree.cut("Parasitized", "P", d, rows, Linkage.WARD);

        assertEquals(List.of("PA", "PB"), t.level1().stream().map(Node::id).toList());
        assertEquals(List.of("P1", "P2", "P3", "P4"), t.level2().stream().map(Node::id).toList());
        assertEquals(List.of(8, 6), t.level1().stream().map(Node::size).toList());
        assertEquals(List.of(3, 5, 2, 4), t.level2().stream().map(Node::size).toList());
        assertEquals(List.of("PA", "PA", "PB", "PB"), t.level2().stream().map(Node::parent).toList());
        assertEquals(d.root(), d.n() + d.merges().size() - 1);
        for (int g = 0; g < 4; g++) {
            int group = g;
            int[] expected = IntStream.range(0, n).filter(i -> groupOfPoint.get(i)[0] == group).map(i -> rows[i])
                    .sorted().toArray();
            assertArrayEquals(expected, t.level2().get(g).members(), "group " + g);
        }
        // a level-1 node's members are its children's
        for (int a = 0; a < 2; a++) {
            int[] union = IntStream.concat(Arrays.stream(t.level2().get(2 * a).members()),
                    Arrays.stream(t.level2().get(2 * a + 1).members())).sorted().toArray();
            assertArrayEquals(union, t.level1().get(a).members());
            assertTrue(t.level1().get(a).height() > t.level2().get(2 * a).height());
            assertTrue(t.level1().get(a).height() > t.level2().get(2 * a + 1).height());
        }
        assertTrue(t.level1().get(0).height() < d.height(d.root()));
    }

    @Test
    void fewerThanFourImagesIsAnError() {
        Dendrogram d = new Dendrogram(3, List.of(m(0, 1, 0.1, 2), m(2, 3, 0.2, 3)));
        TlException e = assertThrows(TlException.class,
                () -> ClassTree.cut("Uninfected", "U", d, rows(3), Linkage.WARD));
        assertTrue(e.getMessage().contains("class Uninfected"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
    }

    /** Root children: the single point 4 and {0,1,2,3}. */
    private static Dendrogram outlierAtTheTop() {
        return new Dendrogram(5, List.of(
                m(0, 1, 0.1, 2),  // 5
                m(2, 3, 0.2, 2),  // 6
                m(5, 6, 0.3, 4),  // 7
                m(4, 7, 5.0, 5)));
    }

    @Test
    void aSingleImageRootChildIsAnError() {
        TlException e = assertThrows(TlException.class, () -> ClassTree.cut("Parasitized", "P", outlierAtTheTop(),
                rows(5), Linkage.WARD, row -> "Parasitized/cell_" + row + ".png"));
        assertTrue(e.getMessage().contains("class Parasitized"), e.getMessage());
        assertTrue(e.getMessage().contains("single image"), e.getMessage());
        // the image alone, by name, and what to do about it
        assertTrue(e.getMessage().contains("Alone: Parasitized/cell_" + rows(5)[4] + ".png."), e.getMessage());
        assertTrue(e.getMessage().contains("tl:manifest -Dtl.force=true"), e.getMessage());
        assertFalse(e.getMessage().contains("tl.linkage=ward"), "already ward: " + e.getMessage());
    }

    @Test
    void aSingleImageLevelTwoNodeIsAnError() {
        // A = {0,1,2,3} splits fine; B = {4,5,6} splits into {4,5} and the single image 6
        Dendrogram d = new Dendrogram(7, List.of(
                m(0, 1, 0.1, 2),  // 7
                m(2, 3, 0.2, 2),  // 8
                m(4, 5, 0.3, 2),  // 9
                m(7, 8, 0.4, 4),  // 10 = A
                m(6, 9, 0.5, 3),  // 11 = B
                m(10, 11, 3.0, 7)));
        TlException e = assertThrows(TlException.class,
                () -> ClassTree.cut("Uninfected", "U", d, rows(7), Linkage.WARD));
        assertTrue(e.getMessage().contains("class Uninfected"), e.getMessage());
        assertTrue(e.getMessage().contains("UB"), e.getMessage());
        assertTrue(e.getMessage().contains("Alone: row " + rows(7)[6] + "."), e.getMessage());
        assertTrue(e.getMessage().contains("single image"), e.getMessage());
    }

    @Test
    void theErrorSuggestsWardForOtherLinkages() {
        for (Linkage linkage : List.of(Linkage.AVERAGE, Linkage.COMPLETE, Linkage.SINGLE)) {
            TlException e = assertThrows(TlException.class,
                    () -> ClassTree.cut("Parasitized", "P", outlierAtTheTop(), rows(5), linkage));
            assertTrue(e.getMessage().contains("tl.linkage=ward"), linkage + ": " + e.getMessage());
        }
    }
}
