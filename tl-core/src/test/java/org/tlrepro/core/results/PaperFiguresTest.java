package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PaperFiguresTest {

    @Test
    void theRatiosFollowFromTheNodeSizesOfEachRow() {
        PaperFigures f = PaperFigures.of(ResultsBuilderTest.paper());
        assertEquals(16, f.distance().n());
        // the first row, P2+U2: target 2,213 U and 2,041 P; source the other 2,787 U and 2,959 P (5,000 a class)
        Regression.Point target = f.targetRatio().points().get(0);
        assertEquals("P2+U2", target.label());
        assertEquals(100.0 * 2041 / 2213, target.x(), 1e-9);
        assertEquals(100.0 * 2787 / 2959, f.sourceRatio().points().get(0).x(), 1e-9);
        assertEquals(0.1742, f.distance().points().get(0).x(), 1e-12, "the distance column as printed");
        assertEquals(10.75, target.y(), 1e-12);
    }

    @Test
    void withoutThePapersValuesThereAreNone() {
        assertNull(PaperFigures.of(null));
    }
}
