package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.train.RunResult;

class BaselineTest {

    @Test
    void metricsFileIsOneFlatObjectWithNullForNoValue(@TempDir Path dir) throws Exception {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("table2.scheme1.mean", 70.25);
        m.put("figure2.slope", Double.NaN);
        Path f = dir.resolve("metrics.json");
        MetricsFile.write(f, m);
        String text = Files.readString(f);
        assertTrue(text.contains("\"table2.scheme1.mean\" : 70.25"), text);
        assertTrue(text.contains("\"figure2.slope\" : null"), text);
        Map<String, Double> back = MetricsFile.read(f);
        assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()), "order kept");
        assertEquals(70.25, back.get("table2.scheme1.mean"));
        assertTrue(Double.isNaN(back.get("figure2.slope")));
    }

    @Test
    void aMetricThatIsNotANumberIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.json");
        Files.writeString(f, "{\"table2.scheme1.mean\": \"high\"}");
        TlException e = assertThrows(TlException.class, () -> MetricsFile.read(f));
        assertTrue(e.getMessage().contains("table2.scheme1.mean"), e.getMessage());
    }

    @Test
    void writesAndReadsTheMetricsAndTheRunRecords(@TempDir Path dir) {
        List<RunResult> runs = List.of(ResultsBuilderTest.run("table2", 1, 1, 0.6),
                ResultsBuilderTest.run("table2", 1, 2, 0.7), ResultsBuilderTest.run("table3/P1+U1", 4, 1, 0.8));
        Path b = dir.resolve("baseline");
        Baseline.write(b, Map.of("table2.scheme1.mean", 65.0), runs);
        assertTrue(Files.isRegularFile(b.resolve("runs/table2/scheme1-run02.json")));
        assertTrue(Files.isRegularFile(b.resolve("runs/table3/P1+U1/scheme4-run01.json")));
        Baseline read = Baseline.read(b);
        assertEquals(65.0, read.metrics().get("table2.scheme1.mean"));
        assertEquals(runs, read.runs());
        // a refresh replaces the folder whole: no record of the old baseline survives
        Baseline.write(b, Map.of("table2.scheme1.mean", 60.0), runs.subList(0, 1));
        assertEquals(1, Baseline.read(b).runs().size());
        assertEquals(List.of(b), listSiblings(dir), "no staging folder left behind");
    }

    @Test
    void theBuildsProvenanceGoesWithThePublishedRuns(@TempDir Path dir) throws Exception {
        Path provenance = Files.writeString(dir.resolve("provenance.json"), "{\"git\": {\"commit\": \"abc\"}}");
        Path b = dir.resolve("baseline");
        Baseline.write(b, Map.of("table2.scheme1.mean", 65.0), List.of(), null, null, provenance);
        assertEquals(Files.readString(provenance), Files.readString(b.resolve("provenance.json")));
        Baseline.write(b, Map.of("table2.scheme1.mean", 65.0), List.of(), null, null, dir.resolve("absent.json"));
        assertTrue(Files.notExists(b.resolve("provenance.json")), "a later baseline without one has none");
    }

    @Test
    void aMissingBaselineSaysHowToCreateOne(@TempDir Path dir) {
        TlException e = assertThrows(TlException.class, () -> Baseline.read(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("tl.baseline") && e.getMessage().contains("-Dtl.baseline.update=true"),
                e.getMessage());
    }

    private static List<Path> listSiblings(Path dir) {
        try (var s = Files.list(dir)) {
            return s.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
