package org.tlrepro.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.LogCapture;
import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;
import org.tlrepro.core.data.ImageTable;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.testing.SyntheticDataset;

class ManifestStageTest {

    @TempDir
    Path tmp;

    /** {@code <class>/img_<i>.png}, different random images. */
    private Path folder(Map<String, Integer> classes) throws Exception {
        Path root = tmp.resolve("images");
        Random random = new Random(5);
        for (Map.Entry<String, Integer> c : classes.entrySet()) {
            Path dir = Files.createDirectories(root.resolve(c.getKey()));
            for (int i = 0; i < c.getValue(); i++) {
                Files.write(dir.resolve("img_" + i + ".png"), SyntheticDataset.randomPng(random, 20, 24, i % 3));
            }
        }
        return root;
    }

    private static Map<String, Integer> classes(Object... nameCount) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < nameCount.length; i += 2) {
            m.put((String) nameCount[i], (Integer) nameCount[i + 1]);
        }
        return m;
    }

    private ManifestRequest request(Path images, Integer perClass, boolean force) {
        return new ManifestRequest(images, tmp.resolve("data/manifest.tsv"), tmp.resolve("data/sample.tsv"),
                perClass, 3, 2, force);
    }

    @Test
    void listsEveryImageOfEveryClassWithItsHashAndSize() throws Exception {
        Path images = folder(classes("cats", 4, "dogs", 5, "owls", 3));
        Files.writeString(images.resolve("dogs/notes.txt"), "not an image");
        ManifestStage.Result result = new ManifestStage().run(request(images, null, false));

        assertEquals(12, result.images());
        assertEquals(Map.of("cats", 4, "dogs", 5, "owls", 3), result.classes());
        assertEquals(1, result.skipped());
        ImageTable manifest = ImageTable.read(tmp.resolve("data/manifest.tsv"));
        assertEquals(12, manifest.size());
        assertEquals(List.of("cats", "dogs", "owls"), List.copyOf(manifest.classes()));
        ImageRecord first = manifest.records().get(0);
        byte[] bytes = Files.readAllBytes(images.resolve("cats/img_0.png"));
        assertEquals(new ImageRecord("cats", "img_0.png", Sha256.hex(bytes), bytes.length), first);
        assertEquals(12, ImageTable.read(tmp.resolve("data/sample.tsv")).size(), "no tl.perClass: every image");
    }

    @Test
    void anUnchangedFolderRewritesNothingAndAChangedOneNeedsForce() throws Exception {
        Path images = folder(classes("a", 3, "b", 3));
        ManifestStage stage = new ManifestStage();
        assertEquals(2, stage.run(request(images, 2, false)).written().size());
        assertEquals(2, ImageTable.read(tmp.resolve("data/sample.tsv")).ofClass("a").size());
        assertTrue(stage.run(request(images, 2, false)).written().isEmpty());

        Files.write(images.resolve("b/img_9.png"), SyntheticDataset.randomPng(new Random(99), 20, 20, 0));
        TlException e = assertThrows(TlException.class, () -> stage.run(request(images, 2, false)));
        assertTrue(e.getMessage().contains("manifest.tsv (tl.manifest) exists") && e.getMessage().contains(
                "-Dtl.force=true"), e.getMessage());
        assertEquals(6, ImageTable.read(tmp.resolve("data/manifest.tsv")).size(), "the old manifest is kept");
        assertEquals(7, stage.run(request(images, 2, true)).images());
        assertEquals(7, ImageTable.read(tmp.resolve("data/manifest.tsv")).size());
    }

    @Test
    void theSameImageTwiceIsRefusedNamingBothFiles() throws Exception {
        Path images = folder(classes("a", 3, "b", 3));
        Files.copy(images.resolve("a/img_1.png"), images.resolve("b/copy.png"));
        TlException e = assertThrows(TlException.class, () -> new ManifestStage().run(request(images, null, false)));
        assertTrue(e.getMessage().contains("a" + java.io.File.separator + "img_1.png")
                && e.getMessage().contains("copy.png") && e.getMessage().contains("more than once"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("data/manifest.tsv")));
    }

    @Test
    void anUnreadableImageIsRefusedNamingIt() throws Exception {
        Path images = folder(classes("a", 3, "b", 3));
        Files.writeString(images.resolve("b/broken.png"), "this is not a PNG");
        TlException e = assertThrows(TlException.class, () -> new ManifestStage().run(request(images, null, false)));
        assertTrue(e.getMessage().contains("broken.png") && e.getMessage().contains("cannot be decoded"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("data/manifest.tsv")));
    }

    /** Issue 33: a corrupt image and a duplicate took two runs of tl:manifest to find. */
    @Test
    void aCorruptImageAndADuplicateAreReportedInOneRun() throws Exception {
        Path images = folder(classes("a", 3, "b", 3));
        Files.writeString(images.resolve("b/broken.png"), "this is not a PNG");
        Files.copy(images.resolve("a/img_1.png"), images.resolve("b/copy.png"));
        TlException e = assertThrows(TlException.class, () -> new ManifestStage().run(request(images, null, false)));
        assertTrue(e.getMessage().contains("1 image(s) cannot be read: ") && e.getMessage().contains("broken.png"),
                e.getMessage());
        assertTrue(e.getMessage().contains("1 image(s) appear more than once") && e.getMessage().contains("copy.png"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("then run tl:manifest again"), e.getMessage());
    }

    @Test
    void symbolicLinksAreFollowedAndSaidInTheLog() throws Exception {
        Path images = folder(classes("a", 3, "b", 3));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/c"));
        Random random = new Random(42);
        Files.write(elsewhere.resolve("img_0.png"), SyntheticDataset.randomPng(random, 20, 20, 1));
        Files.write(elsewhere.resolve("img_1.png"), SyntheticDataset.randomPng(random, 20, 20, 2));
        Files.write(tmp.resolve("elsewhere/extra.png"), SyntheticDataset.randomPng(random, 20, 20, 0));
        Files.createSymbolicLink(images.resolve("c"), elsewhere);
        Files.createSymbolicLink(images.resolve("a/linked.png"), tmp.resolve("elsewhere/extra.png"));
        try (LogCapture log = LogCapture.start()) {
            ManifestStage.Result result = new ManifestStage().run(request(images, null, false));
            assertEquals(Map.of("a", 4, "b", 3, "c", 2), result.classes());
            assertTrue(log.text().contains(images + " holds 2 symbolic link(s), followed: a/linked.png -> "
                    + tmp.resolve("elsewhere/extra.png") + ", c/ -> " + elsewhere), log.text());
        }
    }

    @Test
    void anEmptyClassAndASingleClassAreRefused() throws Exception {
        Path images = folder(classes("a", 3, "b", 3));
        Files.createDirectories(images.resolve("c"));
        Files.writeString(images.resolve("c/readme.txt"), "later");
        TlException empty = assertThrows(TlException.class,
                () -> new ManifestStage().run(request(images, null, false)));
        assertTrue(empty.getMessage().contains("[c]") && empty.getMessage().contains("hold no images"),
                empty.getMessage());

        Path single = tmp.resolve("single");
        Files.createDirectories(single.resolve("only"));
        Files.write(single.resolve("only/x.png"), SyntheticDataset.randomPng(new Random(1), 10, 10, 0));
        TlException one = assertThrows(TlException.class,
                () -> new ManifestStage().run(request(single, null, false)));
        assertTrue(one.getMessage().contains("at least two classes"), one.getMessage());
    }

    @Test
    void anArchiveOfClassFoldersIsListedLikeTheFolder() throws Exception {
        Path images = folder(classes("a", 2, "b", 2));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String f : List.of("a/img_0.png", "a/img_1.png", "b/img_0.png", "b/img_1.png")) {
            entries.put("pets/" + f, Files.readAllBytes(images.resolve(f)));
        }
        Path zip = tmp.resolve("pets.zip");
        SyntheticDataset.zip(zip, entries);
        new ManifestStage().run(request(images, null, false));
        String fromFolder = Files.readString(tmp.resolve("data/manifest.tsv"));
        Files.delete(tmp.resolve("data/manifest.tsv"));
        new ManifestStage().run(request(zip, null, false));
        assertEquals(fromFolder, Files.readString(tmp.resolve("data/manifest.tsv")));
    }

    @Test
    void prepareReadsAFolderOfThreeClassesVerifiedByTheManifest() throws Exception {
        Path images = folder(classes("cats", 3, "dogs", 3, "owls", 3));
        new ManifestStage().run(request(images, 2, false));
        Path out = tmp.resolve("out");
        PrepareRequest prepare = new PrepareRequest(tmp.resolve("data/manifest.tsv"), tmp.resolve("data/sample.tsv"),
                null, 1, 12, List.of(), null, null, out, false, 2, images, List.of());
        PrepareStage.Result result = new PrepareStage(new HttpDownloader()).run(prepare);
        PreparedIndex index = PreparedIndex.read(result.data().index());
        assertEquals(6, index.rows().size());
        assertEquals(List.of(0, 0, 1, 1, 2, 2), index.rows().stream().map(PreparedIndex.Row::label).toList());

        // a changed image no longer matches its manifest row
        Files.write(images.resolve("owls/img_0.png"), SyntheticDataset.randomPng(new Random(8), 20, 24, 0));
        Files.write(images.resolve("owls/img_1.png"), SyntheticDataset.randomPng(new Random(9), 20, 24, 0));
        Files.write(images.resolve("owls/img_2.png"), SyntheticDataset.randomPng(new Random(10), 20, 24, 0));
        PrepareRequest forced = new PrepareRequest(prepare.manifest(), prepare.sampleList(), null, 1, 12, List.of(),
                null, null, out, true, 2, images, List.of());
        TlException e = assertThrows(TlException.class, () -> new PrepareStage(new HttpDownloader()).run(forced));
        assertTrue(e.getMessage().contains("owls"), e.getMessage());
    }
}
