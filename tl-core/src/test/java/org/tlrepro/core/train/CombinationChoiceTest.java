package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.SubsetPair;
import org.tlrepro.core.cluster.SubsetStats;

class CombinationChoiceTest {

    /** Combinations c0..c{n-1} whose distances are given, in that order. */
    private static List<SubsetPair> pairs(double... distances) {
        List<SubsetPair> out = new ArrayList<>();
        SubsetStats stats = new SubsetStats(10, Map.of("a", 5, "b", 5), 100);
        for (int i = 0; i < distances.length; i++) {
            out.add(new SubsetPair("c" + i, List.of(), List.of(), stats, stats, 1 - distances[i], distances[i]));
        }
        return out;
    }

    private static List<String> ids(List<SubsetPair> pairs) {
        return pairs.stream().map(SubsetPair::id).toList();
    }

    @Test
    void withoutALimitOrAboveTheCountEveryCombinationIsTrained() {
        List<SubsetPair> all = pairs(0.3, 0.1, 0.2);
        assertSame(all, CombinationChoice.choose(all, null));
        assertSame(all, CombinationChoice.choose(all, 3));
        assertSame(all, CombinationChoice.choose(all, 64));
    }

    @Test
    void theChosenSpreadOverTheDistanceFromNearestToFarthestInTheClusteringsOrder() {
        // distances 0.0 .. 0.8 in a shuffled order: c4 nearest, c1 farthest
        List<SubsetPair> all = pairs(0.5, 0.8, 0.2, 0.6, 0.0, 0.3, 0.7, 0.1, 0.4);
        // sorted: c4 c7 c2 c5 c8 c0 c3 c6 c1; 3 of 9: positions 0, 4, 8
        assertEquals(List.of("c1", "c4", "c8"), ids(CombinationChoice.choose(all, 3)));
        // 5 of 9: positions 0, 2, 4, 6, 8
        assertEquals(List.of("c1", "c2", "c3", "c4", "c8"), ids(CombinationChoice.choose(all, 5)));
        assertEquals(List.of("c8"), ids(CombinationChoice.choose(all, 1)), "one: the median distance");
        assertEquals(List.of("c1", "c4"), ids(CombinationChoice.choose(all, 2)));
    }

    @Test
    void aLimitBelowOneIsRefusedNamingTheProperty() {
        TlException e = assertThrows(TlException.class, () -> CombinationChoice.choose(pairs(0.1, 0.2), 0));
        assertEquals(true, e.getMessage().startsWith("tl.table3.combinations is 0"), e.getMessage());
    }
}
