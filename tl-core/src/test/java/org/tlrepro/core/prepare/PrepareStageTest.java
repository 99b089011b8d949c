package org.tlrepro.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.tensor.Npy;
import org.tlrepro.core.testing.SyntheticDataset;

class PrepareStageTest {

    @TempDir
    Path tmp;

    private PrepareRequest request(SyntheticDataset.Files data, Path out, int size, boolean force) {
        return new PrepareRequest(data.manifest(), data.sampleList(), null, 1, size,
                List.of(new RemoteFile("cell_images.zip", null, null)), data.dir(), null, out, force, 2);
    }

    @Test
    void preparesTheSampleAndSkipsAnUnchangedRerun() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 12, 8, 7);
        Path out = tmp.resolve("out");
        PrepareStage stage = new PrepareStage(new HttpDownloader());

        PrepareStage.Result first = stage.run(request(data, out, 10, false));
        assertFalse(first.skipped());
        Npy.UInt8Tensor images = Npy.read(first.data().images());
        assertArrayEquals(new int[] {16, 10, 10, 3}, images.shape());
        PreparedIndex index = PreparedIndex.read(first.data().index());
        assertEquals(16, index.rows().size());
        assertEquals("Parasitized", index.rows().get(0).className());
        assertEquals(0, index.rows().get(0).label());
        assertEquals(1, index.rows().get(15).label());
        assertTrue(Files.isRegularFile(first.data().original("Uninfected", index.rows().get(15).filename())));

        PrepareStage.Result second = stage.run(request(data, out, 10, false));
        assertTrue(second.skipped());

        PrepareStage.Result resized = stage.run(request(data, out, 12, false));
        assertFalse(resized.skipped());
        assertArrayEquals(new int[] {16, 12, 12, 3}, Npy.read(out.resolve("images.npy")).shape());
        assertTrue(stage.run(request(data, out, 12, true)) != null);
    }

    @Test
    void aTamperedImageFailsTheRunNamingItAndLeavesNoOutput() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 6, 6, 3);
        String victim = "Uninfected/" + data.images().keySet().stream()
                .filter(k -> k.startsWith("Uninfected/")).findFirst().orElseThrow().split("/")[1];
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        data.images().forEach((k, v) -> entries.put(SyntheticDataset.ARCHIVE_ROOT + k, v.clone()));
        byte[] bytes = entries.get(SyntheticDataset.ARCHIVE_ROOT + victim);
        bytes[bytes.length / 2] ^= 1;
        SyntheticDataset.zip(data.archive(), entries);

        Path out = tmp.resolve("out");
        TlException e = assertThrows(TlException.class,
                () -> new PrepareStage(new HttpDownloader()).run(request(data, out, 10, false)));
        assertTrue(e.getMessage().contains(victim), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("mirror"), left.map(p -> p.getFileName().toString()).toList());
        }
    }
}
