package org.tlrepro.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;

class ClusterOutputTest {

    @TempDir
    Path dir;

    private static final List<ClusterOutput.Assignment> ROWS = List.of(
            new ClusterOutput.Assignment(0, "Parasitized", "a.png", "PA", "P1"),
            new ClusterOutput.Assignment(1, "Uninfected", "b b.png", "UB", "U4"));

    @Test
    void assignmentsRoundTrip() throws IOException {
        ClusterOutput out = new ClusterOutput(dir);
        out.writeAssignments(ROWS);
        assertEquals(ROWS, out.readAssignments());
        assertTrue(Files.readString(out.assignments()).startsWith("index\tclass\tfilename\tlevel1\tlevel2\n"));
    }

    @Test
    void columnsAreFoundByTheirNamesNotTheirPlaces() throws IOException {
        ClusterOutput out = new ClusterOutput(dir);
        Files.writeString(out.assignments(), "level2\tlevel1\tindex\tfilename\tclass\textra\n"
                + "P1\tPA\t0\ta.png\tParasitized\tx\nU4\tUB\t1\tb b.png\tUninfected\ty\n");
        assertEquals(ROWS, out.readAssignments());
    }

    @Test
    void aMissingColumnOrFileNamesTheFileAndTheFix() throws IOException {
        ClusterOutput out = new ClusterOutput(dir);
        TlException none = assertThrows(TlException.class, out::readAssignments);
        assertTrue(none.getMessage().contains("run tl:cluster"), none.getMessage());
        Files.writeString(out.assignments(), "index\tclass\tfilename\tlevel1\n0\tP\ta.png\tPA\n");
        TlException e = assertThrows(TlException.class, out::readAssignments);
        assertTrue(e.getMessage().contains(out.assignments().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no column 'level2'"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dtl.force=true"), e.getMessage());
    }

    @Test
    void theResultRoundTripsAndItsAbsenceAsksForTlCluster() {
        ClusterOutput out = new ClusterOutput(dir);
        assertFalse(out.hasResult());
        TlException e = assertThrows(TlException.class, out::readResult);
        assertTrue(e.getMessage().contains("tl:cluster") && e.getMessage().contains(dir.toString()), e.getMessage());
        ClusterResult r = new ClusterResult("test", null, null, List.of(),
                new SubsetPair("level1", List.of("PB", "UB"), List.of("PA", "UA"), null, null, 0.9, 0.1), List.of(),
                java.util.Map.of());
        out.writeResult(r);
        assertTrue(out.hasResult());
        assertEquals(r.level1(), out.readResult().level1());
    }
}
