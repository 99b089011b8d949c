package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;

class TrainOutputTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsTheSummary() {
        TrainOutput out = new TrainOutput(dir.resolve("runs"));
        assertTrue(out.summaryIfAny("run tl:train").isEmpty());
        TrainSummary s = new TrainSummary("0.1", Protocol.paper(), new TrainedNetwork(50, List.of("P", "U"),
                List.of()), 3, List.of(RunLedgerTest.result("table2", 1, 1, RunLedgerTest.fingerprint("a"))));
        out.writeSummary(s);
        assertEquals(dir.resolve("runs/train.json"), out.summary());
        assertEquals(s, out.readSummary("run tl:train"));
        assertEquals(s, out.summaryIfAny("run tl:train").orElseThrow());
    }

    @Test
    void aMissingOrUnreadableSummaryNamesTheFileAndTheFix() throws Exception {
        TrainOutput out = new TrainOutput(dir);
        TlException missing = assertThrows(TlException.class, () -> out.readSummary("run tl:train first"));
        assertEquals("there is no " + dir.resolve("train.json") + ": run tl:train first", missing.getMessage());
        Files.writeString(out.summary(), "{ not json");
        TlException broken = assertThrows(TlException.class, () -> out.readSummary("run tl:train again"));
        assertTrue(broken.getMessage().startsWith(out.summary() + " cannot be read (")
                && broken.getMessage().endsWith("): run tl:train again"), broken.getMessage());
    }
}
