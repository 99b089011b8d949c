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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.testing.SyntheticDataset;

class ImageSourceTest {

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

    private List<ImageSource.Located> match(Path archive, List<ImageRecord> wanted) throws Exception {
        try (ImageSource source = ImageSource.open(archive)) {
            return source.locate(wanted);
        }
    }

    @Test
    void countsTheFilesOfClassFoldersThatTheManifestDoesNotList() throws Exception {
        Path archive = zip("u.zip", entries("cell_images/", "cell_images/Parasitized/p1.png",
                "cell_images/Parasitized/Thumbs.db", "cell_images/Uninfected/u1.png", "cell_images/Uninfected/u9.png",
                "README.txt"));
        try (ImageSource zip = ImageSource.open(archive)) {
            ImageSource.Unlisted unlisted = zip.unlisted(java.util.Set.of("Parasitized/p1.png", "Uninfected/u1.png"));
            assertEquals(2, unlisted.count());
            assertEquals(List.of("u.zip!/cell_images/Parasitized/Thumbs.db", "u.zip!/cell_images/Uninfected/u9.png"),
                    unlisted.first());
            assertEquals(0, zip.unlisted(java.util.Set.of("Parasitized/p1.png",
                    "Parasitized/Thumbs.db", "Uninfected/u1.png", "Uninfected/u9.png")).count());
        }
    }

    @Test
    void matchesEachWantedImageByClassAndFileName() throws Exception {
        Path archive = zip("a.zip", entries("cell_images/", "cell_images/Parasitized/p1.png",
                "cell_images/Parasitized/p2.png", "cell_images/Uninfected/u1.png", "cell_images/Thumbs.db",
                "README.txt"));
        List<ImageRecord> wanted = List.of(image("Uninfected", "u1.png"), image("Parasitized", "p2.png"));
        List<ImageSource.Located> matches = match(archive, wanted);
        assertEquals(2, matches.size());
        Map<ImageRecord, String> byImage = new LinkedHashMap<>();
        matches.forEach(m -> byImage.put(m.image(), m.entry().where()));
        assertEquals(Map.of(wanted.get(0), "a.zip!/cell_images/Uninfected/u1.png",
                wanted.get(1), "a.zip!/cell_images/Parasitized/p2.png"), byImage);
    }

    @Test
    void aDuplicateUnderAnotherPrefixIsMatchedOnce() throws Exception {
        Path archive = zip("dup.zip", entries("cell_images/Parasitized/p1.png",
                "cell_images/cell_images/Parasitized/p1.png", "cell_images/cell_images/Uninfected/u1.png",
                "cell_images/Uninfected/u1.png"));
        List<ImageRecord> wanted = List.of(image("Parasitized", "p1.png"), image("Uninfected", "u1.png"));
        List<ImageSource.Located> matches = match(archive, wanted);
        assertEquals(2, matches.size());
        assertEquals(List.of("dup.zip!/cell_images/Parasitized/p1.png",
                "dup.zip!/cell_images/cell_images/Uninfected/u1.png"),
                matches.stream().map(m -> m.entry().where()).toList(), "the first of the copies is taken");
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

    /** Issue 33: "a/../x.png" stays inside the archive but made ".." a class name. */
    @Test
    void aClassNamedDotDotIsRejected() {
        Path archive = zip("dots.zip", entries("cell_images/Parasitized/p1.png", "cell_images/x/../u1.png"));
        TlException e = assertThrows(TlException.class,
                () -> match(archive, List.of(image("Parasitized", "p1.png"))));
        assertTrue(e.getMessage().contains("'cell_images/x/../u1.png', whose path has a '.' or '..' folder"),
                e.getMessage());
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
        TlException e = assertThrows(TlException.class, () -> ImageSource.open(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        ImageSource.open(whole).close();
    }

    @Test
    void aMissingArchiveFailsToOpenNamingIt() {
        Path missing = tmp.resolve("missing.zip");
        TlException e = assertThrows(TlException.class, () -> ImageSource.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aFolderOfClassFoldersIsReadLikeAnArchive() throws Exception {
        Path root = tmp.resolve("my-images");
        Files.createDirectories(root.resolve("cats"));
        Files.createDirectories(root.resolve("dogs"));
        Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(root.resolve(".git"));
        Files.write(root.resolve("cats/c1.png"), new byte[] {1});
        Files.write(root.resolve("cats/.DS_Store"), new byte[] {0});
        Files.write(root.resolve("dogs/d1.png"), new byte[] {2, 2});
        Files.write(root.resolve("notes.txt"), new byte[] {3});
        try (ImageSource folder = ImageSource.open(root)) {
            assertEquals(List.of("cats", "dogs", "empty"), folder.classFolders());
            assertEquals(List.of("cats/c1.png", "dogs/d1.png"), folder.entries().stream().map(ImageSource.Entry::key)
                    .toList());
            List<ImageSource.Located> found = folder.locate(List.of(image("dogs", "d1.png")));
            assertEquals(root.resolve("dogs/d1.png").toString(), found.get(0).entry().where());
            assertEquals(2, found.get(0).entry().reader().read().length);
            TlException e = assertThrows(TlException.class, () -> folder.locate(List.of(image("cats", "c2.png"))));
            assertTrue(e.getMessage().contains("cats/c2.png") && e.getMessage().contains(root.toString()),
                    e.getMessage());
        }
    }
}
