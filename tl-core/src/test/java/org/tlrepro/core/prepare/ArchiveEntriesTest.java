package org.tlrepro.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.testing.SyntheticDataset;

class ArchiveEntriesTest {

    @TempDir
    Path tmp;

    private static ImageRecord image(String className, String filename) {
        return new ImageRecord(className, filename, Sha256.hex(filename.getBytes()), filename.length());
    }

    private Path zip(String name, Map<String, byte[]> entries) {
        Path file = tmp.resolve(name);
        SyntheticDataset.zip(file, entries);
        return file;
    }

    private static Map<String, byte[]> entries(String... names) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String n : names) {
            entries.put(n, n.getBytes());
        }
        return entries;
    }

    private List<ArchiveEntries.Match> match(Path archive, List<ImageRecord> wanted) throws Exception {
        try (ZipFile zip = ArchiveEntries.open(archive)) {
            return ArchiveEntries.match(zip, archive, wanted, tmp.resolve("out/originals"));
        }
    }

    @Test
    void countsTheFilesOfClassFoldersThatTheManifestDoesNotList() throws Exception {
        Path archive = zip("u.zip", entries("cell_images/", "cell_images/Parasitized/p1.png",
                "cell_images/Parasitized/Thumbs.db", "cell_images/Uninfected/u1.png", "cell_images/Uninfected/u9.png",
                "README.txt"));
        try (ZipFile zip = ArchiveEntries.open(archive)) {
            ArchiveEntries.Unlisted unlisted = ArchiveEntries.unlisted(zip,
                    java.util.Set.of("Parasitized/p1.png", "Uninfected/u1.png"));
            assertEquals(2, unlisted.count());
            assertEquals(List.of("cell_images/Parasitized/Thumbs.db", "cell_images/Uninfected/u9.png"),
                    unlisted.first());
            assertEquals(0, ArchiveEntries.unlisted(zip, java.util.Set.of("Parasitized/p1.png",
                    "Parasitized/Thumbs.db", "Uninfected/u1.png", "Uninfected/u9.png")).count());
        }
    }

    @Test
    void matchesEachWantedImageByClassAndFileName() throws Exception {
        Path archive = zip("a.zip", entries("cell_images/", "cell_images/Parasitized/p1.png",
                "cell_images/Parasitized/p2.png", "cell_images/Uninfected/u1.png", "cell_images/Thumbs.db",
                "README.txt"));
        List<ImageRecord> wanted = List.of(image("Uninfected", "u1.png"), image("Parasitized", "p2.png"));
        List<ArchiveEntries.Match> matches = match(archive, wanted);
        assertEquals(2, matches.size());
        Map<ImageRecord, String> byImage = new LinkedHashMap<>();
        matches.forEach(m -> byImage.put(m.image(), m.entry().getName()));
        assertEquals(Map.of(wanted.get(0), "cell_images/Uninfected/u1.png",
                wanted.get(1), "cell_images/Parasitized/p2.png"), byImage);
    }

    @Test
    void aDuplicateUnderAnotherPrefixIsMatchedOnce() throws Exception {
        Path archive = zip("dup.zip", entries("cell_images/Parasitized/p1.png",
                "cell_images/cell_images/Parasitized/p1.png", "cell_images/cell_images/Uninfected/u1.png",
                "cell_images/Uninfected/u1.png"));
        List<ImageRecord> wanted = List.of(image("Parasitized", "p1.png"), image("Uninfected", "u1.png"));
        List<ArchiveEntries.Match> matches = match(archive, wanted);
        assertEquals(2, matches.size());
        assertEquals(List.of("cell_images/Parasitized/p1.png", "cell_images/cell_images/Uninfected/u1.png"),
                matches.stream().map(m -> m.entry().getName()).toList(), "the first of the copies is taken");
    }

    @Test
    void anEntryEscapingWithDotDotIsRejected() {
        Path archive = zip("evil.zip", entries("cell_images/Parasitized/p1.png", "cell_images/../../evil.png"));
        TlException e = assertThrows(TlException.class,
                () -> match(archive, List.of(image("Parasitized", "p1.png"))));
        assertTrue(e.getMessage().contains("zip-slip"), e.getMessage());
        assertTrue(e.getMessage().contains("cell_images/../../evil.png"), e.getMessage());
        assertTrue(e.getMessage().contains(archive.toString()), e.getMessage());
    }

    @Test
    void anAbsoluteEntryIsRejected() {
        Path archive = zip("abs.zip", entries("/etc/x.png", "cell_images/Parasitized/p1.png"));
        TlException e = assertThrows(TlException.class,
                () -> match(archive, List.of(image("Parasitized", "p1.png"))));
        assertTrue(e.getMessage().contains("zip-slip"), e.getMessage());
        assertTrue(e.getMessage().contains("/etc/x.png"), e.getMessage());
    }

    @Test
    void aWantedImageMissingFromTheArchiveIsNamed() {
        Path archive = zip("short.zip", entries("cell_images/Parasitized/p1.png", "cell_images/Uninfected/u1.png"));
        List<ImageRecord> wanted = List.of(image("Parasitized", "p1.png"), image("Uninfected", "u2.png"),
                image("Uninfected", "u1.png"));
        TlException e = assertThrows(TlException.class, () -> match(archive, wanted));
        assertTrue(e.getMessage().contains("Uninfected/u2.png"), e.getMessage());
        assertTrue(e.getMessage().contains("lacks 1 of the 3"), e.getMessage());
        assertTrue(e.getMessage().contains(archive.toString()), e.getMessage());
    }

    @Test
    void aTruncatedArchiveFailsToOpenNamingIt() throws Exception {
        Path whole = zip("whole.zip", entries("cell_images/Parasitized/p1.png", "cell_images/Uninfected/u1.png",
                "cell_images/Uninfected/u2.png"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = tmp.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        TlException e = assertThrows(TlException.class, () -> ArchiveEntries.open(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        ArchiveEntries.open(whole).close();
    }

    @Test
    void aMissingArchiveFailsToOpenNamingIt() {
        Path missing = tmp.resolve("missing.zip");
        TlException e = assertThrows(TlException.class, () -> ArchiveEntries.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
