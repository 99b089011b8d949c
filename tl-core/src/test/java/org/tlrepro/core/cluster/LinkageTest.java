package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class LinkageTest {

    @Test
    void parseIgnoresCase() {
        assertEquals(Linkage.WARD, Linkage.parse("ward"));
        assertEquals(Linkage.WARD, Linkage.parse("WaRd"));
        assertEquals(Linkage.AVERAGE, Linkage.parse("AVERAGE"));
        assertEquals(Linkage.COMPLETE, Linkage.parse("Complete"));
        assertEquals(Linkage.SINGLE, Linkage.parse(" single "));
    }

    @Test
    void parseRejectsUnknownNamesNamingTheProperty() {
        for (String bad : new String[] {"centroid", "", "wards"}) {
            TlException e = assertThrows(TlException.class, () -> Linkage.parse(bad));
            assertTrue(e.getMessage().contains("tl.linkage"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void lanceWilliamsUpdates() {
        assertEquals(2, Linkage.SINGLE.update(2, 5, 1, 1, 3, 2));
        assertEquals(5, Linkage.COMPLETE.update(2, 5, 1, 1, 3, 2));
        assertEquals((1 * 2 + 3 * 5) / 4.0, Linkage.AVERAGE.update(2, 5, 1, 1, 3, 2), 1e-15);
        assertEquals(Math.sqrt((3 * 4 + 5 * 25 - 2 * 1) / 6.0), Linkage.WARD.update(2, 5, 1, 1, 3, 2), 1e-15);
    }
}
