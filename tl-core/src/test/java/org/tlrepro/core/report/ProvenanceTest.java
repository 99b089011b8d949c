package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.prepare.PrepareSummary;
import org.tlrepro.core.results.Baseline;
import org.tlrepro.core.results.BuildRecords;
import org.tlrepro.core.results.WorkLayout;
import org.tlrepro.core.stage.Fingerprint;
import org.tlrepro.core.stage.StageDirectory;

/** The provenance is assembled from the stages' own records, which read back what the stages wrote. */
class ProvenanceTest {

    private static final BuildContext BUILD = new BuildContext(null, "3.9.9", Map.of("tl.runs", "3"));

    @Test
    void showsEachFinishedStagesRecordAsItWasWritten(@TempDir Path work) throws Exception {
        WorkLayout layout = new WorkLayout(work);
        StageDirectory prepare = layout.prepared().stageDirectory();
        Path staging = prepare.stage();
        Files.writeString(staging.resolve("index.tsv"), "0\tP\ta.png\n");
        Json.write(staging.resolve("prepare.json"), new PrepareSummary("1.0", 50, 1,
                List.of(new PrepareSummary.ClassCount("P", 0, 1)), "cell_images.zip", "mirror", 2.5));
        prepare.commit(staging, Fingerprint.builder().put("manifest.sha256", "ab".repeat(32)).put("size", 50).build(),
                List.of("index.tsv", "prepare.json"));

        BuildRecords records = BuildRecords.of(layout, null);
        assertEquals(List.of("prepare"), List.copyOf(records.stages().keySet()), "cluster has not finished");
        Provenance p = Provenance.collect(records, null, SyntheticResults.build(true), BUILD);
        JsonNode written = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(p));
        for (String file : List.of("fingerprint.json", "outputs.json")) {
            assertEquals(Json.MAPPER.readTree(layout.prepare().resolve(file).toFile()),
                    written.get("inputs").get("prepare/" + file), file);
        }
        assertEquals(2.5, written.get("seconds").get("prepare").asDouble());
        assertEquals("cell_images.zip from the mirror", written.get("reuse").get("archive").asText());
        assertTrue(written.get("training").isNull());
        assertEquals("this build", p.results());
    }

    @Test
    void aPublishedFolderGivesTheProvenanceOfTheBuildThatTrainedIt(@TempDir Path dir) throws Exception {
        assertNull(BuildRecords.ofPublished(dir).trainedBy(), "a folder without one");
        Files.writeString(dir.resolve(Baseline.PROVENANCE), "{\"git\": {\"commit\": \"abc\"}}");
        Provenance p = Provenance.collect(BuildRecords.ofPublished(dir), dir, SyntheticResults.build(true), BUILD);
        assertEquals("abc", p.training().get("git").get("commit").asText());
        assertEquals(List.of("model"), List.copyOf(p.inputs().keySet()), "nothing of this build's stages");

        Files.writeString(dir.resolve(Baseline.PROVENANCE), "{\"git\": ");
        TlException e = assertThrows(TlException.class, () -> BuildRecords.ofPublished(dir));
        assertTrue(e.getMessage().contains(Baseline.PROVENANCE) && e.getMessage().contains("tl.baseline.update"),
                e.getMessage());
    }

    @Test
    void aDamagedStageRecordNamesTheFileAndTheFix(@TempDir Path work) throws Exception {
        WorkLayout layout = new WorkLayout(work);
        Files.createDirectories(layout.cluster());
        Files.writeString(layout.cluster().resolve(StageDirectory.FINGERPRINT), "{\"a\": ");
        TlException e = assertThrows(TlException.class, () -> BuildRecords.of(layout, null));
        assertTrue(e.getMessage().contains(StageDirectory.FINGERPRINT) && e.getMessage().contains("tl.force"),
                e.getMessage());
    }

    @Test
    void pathsAreWrittenWithoutTheMachinesLayoutWhereTheyCan() {
        Path project = Path.of("/work/full/main/reproduction-project");
        assertEquals("src/baseline/full", Provenance.relative(project + "/src/baseline/full", project));
        assertEquals(".", Provenance.relative(project.toString(), project));
        assertEquals("../../cache", Provenance.relative("/work/full/cache", project), "beside the project");
        assertEquals("../../../shared/mirror", Provenance.relative("/work/shared/mirror", project));
        assertEquals("/opt/data/cell_images.zip", Provenance.relative("/opt/data/cell_images.zip", project),
                "nothing shared below the root: as it is");
        assertEquals("/work/a/b/c/d/e", Provenance.relative("/work/a/b/c/d/e",
                Path.of("/work/x/y/z/w/v")), "five levels up: as it is");
        assertEquals("https://data.example.org/cell_images.zip",
                Provenance.relative("https://data.example.org/cell_images.zip", project));
        assertEquals("42", Provenance.relative("42", project));
        assertEquals("~/.cache/tl", Provenance.relative(System.getProperty("user.home") + "/.cache/tl", project));
    }
}
