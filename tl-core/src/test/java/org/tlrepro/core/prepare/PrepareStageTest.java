package org.tlrepro.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;
import org.tlrepro.core.data.ImageTable;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.tensor.Npy;
import org.tlrepro.core.testing.LoopbackHttpServer;
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

        PrepareStage.Result first = stage.run(request(data, out, 12, false));
        assertFalse(first.skipped());
        Npy.UInt8Tensor images = Npy.read(first.data().images());
        assertArrayEquals(new int[] {16, 12, 12, 3}, images.shape());
        PreparedIndex index = PreparedIndex.read(first.data().index());
        assertEquals(16, index.rows().size());
        assertEquals("Parasitized", index.rows().get(0).className());
        assertEquals(0, index.rows().get(0).label());
        assertEquals(1, index.rows().get(15).label());
        assertTrue(Files.isRegularFile(first.data().original("Uninfected", index.rows().get(15).filename())));

        PrepareStage.Result second = stage.run(request(data, out, 12, false));
        assertTrue(second.skipped());

        PrepareStage.Result resized = stage.run(request(data, out, 14, false));
        assertFalse(resized.skipped());
        assertArrayEquals(new int[] {16, 14, 14, 3}, Npy.read(out.resolve("images.npy")).shape());
        assertTrue(stage.run(request(data, out, 14, true)) != null);
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
                () -> new PrepareStage(new HttpDownloader()).run(request(data, out, 12, false)));
        assertTrue(e.getMessage().contains(victim), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("mirror"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static final RemoteFile MIRRORED = new RemoteFile("cell_images.zip", null, null);

    private PrepareRequest request(SyntheticDataset.Files data, Path sampleList, Path mirror, Path out, boolean force) {
        return new PrepareRequest(data.manifest(), sampleList, null, 1, 12, List.of(MIRRORED), mirror, null, out,
                force, 2);
    }

    private static TlException failure(PrepareRequest request) {
        return assertThrows(TlException.class, () -> new PrepareStage(new HttpDownloader()).run(request));
    }

    private static void assertMentions(TlException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    private List<String> leftIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The archive entries of the data set, {@code cell_images/<class>/<file>}, minus those {@code drop} names. */
    private static Map<String, byte[]> entries(SyntheticDataset.Files data, String... drop) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        data.images().forEach((k, v) -> entries.put(SyntheticDataset.ARCHIVE_ROOT + k, v));
        for (String d : drop) {
            assertTrue(entries.remove(SyntheticDataset.ARCHIVE_ROOT + d) != null, d);
        }
        return entries;
    }

    /** Relative path to SHA-256 of every file under {@code dir}. */
    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                hashes.put(dir.relativize(f).toString(), Sha256.ofFile(f));
            }
        }
        return hashes;
    }

    @Test
    void aTruncatedArchiveFailsNamingItAndLeavesNoOutput() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 6, 4, 21);
        byte[] zip = Files.readAllBytes(data.archive());
        Files.write(data.archive(), java.util.Arrays.copyOf(zip, zip.length / 2));

        Path out = tmp.resolve("out");
        TlException e = failure(request(data, data.sampleList(), data.dir(), out, false));
        assertMentions(e, data.archive().toString());
        assertFalse(Files.exists(out));
        assertEquals(List.of("mirror"), leftIn(tmp), "no staging folder is left behind");
    }

    @Test
    void anArchiveLackingASelectedImageFailsNamingIt() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 6, 4, 22);
        ImageRecord victim = ImageTable.read(data.sampleList()).ofClass("Uninfected").get(2);
        SyntheticDataset.zip(data.archive(), entries(data, victim.key()));

        Path out = tmp.resolve("out");
        TlException e = failure(request(data, data.sampleList(), data.dir(), out, false));
        assertMentions(e, victim.key(), data.archive().toString());
        assertFalse(Files.exists(out));
        assertEquals(List.of("mirror"), leftIn(tmp));
    }

    @Test
    void aSampleListWithoutOneClassFails() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 6, 4, 23);
        Path oneClass = tmp.resolve("parasitized-only.tsv");
        Files.writeString(oneClass, ImageTable.of(oneClass,
                ImageTable.read(data.sampleList()).ofClass("Parasitized")).toTsv());

        Path out = tmp.resolve("out");
        TlException e = failure(request(data, oneClass, data.dir(), out, false));
        assertMentions(e, "class Uninfected", "no images in the selection", oneClass.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void anArchiveWithAZipSlipEntryFails() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 6, 4, 24);
        Map<String, byte[]> entries = entries(data);
        entries.put("cell_images/../../evil.png", data.images().values().iterator().next());
        SyntheticDataset.zip(data.archive(), entries);

        Path out = tmp.resolve("out");
        TlException e = failure(request(data, data.sampleList(), data.dir(), out, false));
        assertMentions(e, "zip-slip", "cell_images/../../evil.png");
        assertFalse(Files.exists(out));
        assertEquals(List.of("mirror"), leftIn(tmp));
    }

    @Test
    void theFullArchiveAndASampleOnlyArchiveGiveIdenticalOutput() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("full"), 10, 5, 25);
        // the sample alone, in reverse order and nested once more, as another copy of the archive might be
        List<ImageRecord> sample = new ArrayList<>(ImageTable.read(data.sampleList()).records());
        Collections.reverse(sample);
        Map<String, byte[]> sampleEntries = new LinkedHashMap<>();
        for (ImageRecord r : sample) {
            sampleEntries.put("cell_images/cell_images/" + r.key(), data.images().get(r.key()));
        }
        Path small = Files.createDirectories(tmp.resolve("small"));
        SyntheticDataset.zip(small.resolve("cell_images.zip"), sampleEntries);

        PrepareStage stage = new PrepareStage(new HttpDownloader());
        PreparedData fromFull = stage.run(request(data, data.sampleList(), data.dir(), tmp.resolve("a"), false))
                .data();
        PreparedData fromSample = stage.run(request(data, data.sampleList(), small, tmp.resolve("b"), false)).data();

        assertEquals(10, PreparedIndex.read(fromFull.index()).rows().size());
        assertArrayEquals(Files.readAllBytes(fromFull.images()), Files.readAllBytes(fromSample.images()));
        assertArrayEquals(Files.readAllBytes(fromFull.index()), Files.readAllBytes(fromSample.index()));
        assertArrayEquals(Files.readAllBytes(fromFull.dir().resolve("fingerprint.json")),
                Files.readAllBytes(fromSample.dir().resolve("fingerprint.json")));
    }

    @Test
    void downloadsTheArchiveIntoTheCacheWithoutAMirror() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("served"), 6, 4, 26);
        Path cache = tmp.resolve("cache");
        Path out = tmp.resolve("out");
        try (LoopbackHttpServer server = LoopbackHttpServer.start(data.dir(), 0)) {
            PrepareRequest request = new PrepareRequest(data.manifest(), data.sampleList(), null, 1, 12,
                    List.of(new RemoteFile("cell_images.zip", null, server.url("/files/cell_images.zip"))), null,
                    cache, out, false, 2);
            PrepareStage stage = new PrepareStage(new HttpDownloader());

            PrepareStage.Result result = stage.run(request);
            assertFalse(result.skipped());
            assertEquals("download", result.summary().archiveOrigin());
            assertEquals(1, server.requests());
            assertArrayEquals(Files.readAllBytes(data.archive()), Files.readAllBytes(cache.resolve("cell_images.zip")));
            assertArrayEquals(new int[] {8, 12, 12, 3}, Npy.read(result.data().images()).shape());

            assertTrue(stage.run(request).skipped());
            assertEquals(1, server.requests(), "an up-to-date output needs no archive");
        }
    }

    @Test
    void aFailedRunKeepsTheEarlierOutput() throws Exception {
        SyntheticDataset.Files data = SyntheticDataset.create(tmp.resolve("mirror"), 6, 4, 27);
        Path out = tmp.resolve("out");
        new PrepareStage(new HttpDownloader()).run(request(data, data.sampleList(), data.dir(), out, false));
        Map<String, String> before = contents(out);
        assertTrue(before.containsKey("images.npy") && before.containsKey("fingerprint.json"), before.toString());

        ImageRecord victim = ImageTable.read(data.sampleList()).records().get(0);
        SyntheticDataset.zip(data.archive(), entries(data, victim.key()));
        TlException e = failure(request(data, data.sampleList(), data.dir(), out, true));
        assertMentions(e, victim.key());

        assertEquals(before, contents(out));
        assertEquals(List.of("mirror", "out"), leftIn(tmp));
    }
}
