package org.tlrepro.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Sha256;

class SampleSelectorTest {

    private static final Path MANIFEST = Path.of("data", "manifest.tsv");
    private static final Path SAMPLE = Path.of("data", "sample-list.tsv");

    private static ImageRecord image(String className, String filename) {
        return new ImageRecord(className, filename, Sha256.hex((className + "/" + filename).getBytes()), 100);
    }

    /** {@code counts} images per class, listed in a scrambled (non-sorted) order. */
    private static ImageTable manifest(Map<String, Integer> counts) {
        List<ImageRecord> records = new ArrayList<>();
        counts.forEach((c, n) -> {
            for (int i = n - 1; i >= 0; i--) {
                records.add(image(c, "img_" + ((i * 7919) % 100_003) + ".png"));
            }
        });
        return ImageTable.of(MANIFEST, records);
    }

    private static void assertSortedByClassThenName(List<ImageRecord> selection) {
        List<ImageRecord> sorted = new ArrayList<>(selection);
        sorted.sort(Comparator.comparing(ImageRecord::className).thenComparing(ImageRecord::filename));
        assertEquals(sorted, selection);
    }

    private static Map<String, Long> perClass(List<ImageRecord> selection) {
        return selection.stream().collect(Collectors.groupingBy(ImageRecord::className, Collectors.counting()));
    }

    @Test
    void takesTheWholeSampleListSortedWhenPerClassIsNull() {
        ImageTable manifest = manifest(Map.of("Uninfected", 6, "Parasitized", 6));
        List<ImageRecord> listed = List.of(manifest.records().get(1), manifest.records().get(9),
                manifest.records().get(0), manifest.records().get(7));
        ImageTable sample = ImageTable.of(SAMPLE, listed);

        List<ImageRecord> selection = SampleSelector.select(manifest, sample, null, 1);

        assertEquals(new HashSet<>(listed), new HashSet<>(selection));
        assertEquals(4, selection.size());
        assertSortedByClassThenName(selection);
        assertEquals(selection, SampleSelector.select(manifest, sample, null, 99), "the seed plays no part");
    }

    @Test
    void drawsExactlyPerClassImagesOfEachClassDeterministically() {
        ImageTable manifest = manifest(Map.of("Parasitized", 200, "Uninfected", 150, "Other", 40));

        List<ImageRecord> first = SampleSelector.select(manifest, null, 10, 42);
        List<ImageRecord> again = SampleSelector.select(manifest, null, 10, 42);
        List<ImageRecord> other = SampleSelector.select(manifest, null, 10, 43);

        assertEquals(Map.of("Parasitized", 10L, "Uninfected", 10L, "Other", 10L), perClass(first));
        assertEquals(30, new HashSet<>(first).size(), "no image drawn twice");
        assertTrue(manifest.records().containsAll(first));
        assertSortedByClassThenName(first);
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void theDrawDoesNotDependOnTheManifestOrder() {
        ImageTable manifest = manifest(Map.of("Parasitized", 50, "Uninfected", 50));
        List<ImageRecord> reversed = new ArrayList<>(manifest.records());
        java.util.Collections.reverse(reversed);
        assertEquals(SampleSelector.select(manifest, null, 5, 7),
                SampleSelector.select(ImageTable.of(MANIFEST, reversed), null, 5, 7));
    }

    @Test
    void drawsFromTheSampleListWhenBothAreGiven() {
        ImageTable manifest = manifest(Map.of("Parasitized", 100, "Uninfected", 100));
        List<ImageRecord> listed = new ArrayList<>(manifest.ofClass("Parasitized").subList(0, 20));
        listed.addAll(manifest.ofClass("Uninfected").subList(30, 50));
        ImageTable sample = ImageTable.of(SAMPLE, listed);

        List<ImageRecord> selection = SampleSelector.select(manifest, sample, 4, 5);

        assertEquals(Map.of("Parasitized", 4L, "Uninfected", 4L), perClass(selection));
        assertTrue(listed.containsAll(selection), "only images of the sample list are drawn");
    }

    @Test
    void aSampleEntryMissingFromTheManifestNamesTheList() {
        ImageTable manifest = manifest(Map.of("Parasitized", 5, "Uninfected", 5));
        ImageTable sample = ImageTable.of(SAMPLE, List.of(manifest.records().get(0), image("Uninfected", "ghost.png")));
        TlException e = assertThrows(TlException.class, () -> SampleSelector.select(manifest, sample, null, 1));
        assertTrue(e.getMessage().contains(SAMPLE.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Uninfected/ghost.png"), e.getMessage());
    }

    @Test
    void aSampleEntryWithAnotherSha256NamesTheList() {
        ImageTable manifest = manifest(Map.of("Parasitized", 5, "Uninfected", 5));
        ImageRecord original = manifest.records().get(3);
        ImageRecord altered = new ImageRecord(original.className(), original.filename(),
                Sha256.hex(new byte[] {9}), original.sizeBytes());
        ImageTable sample = ImageTable.of(SAMPLE, List.of(altered));
        TlException e = assertThrows(TlException.class, () -> SampleSelector.select(manifest, sample, null, 1));
        assertTrue(e.getMessage().contains(SAMPLE.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(original.key()), e.getMessage());
        assertTrue(e.getMessage().contains(altered.sha256()), e.getMessage());
    }

    @Test
    void perClassAboveWhatAClassHasNamesTheClass() {
        ImageTable manifest = manifest(Map.of("Parasitized", 9, "Uninfected", 3));
        TlException e = assertThrows(TlException.class, () -> SampleSelector.select(manifest, null, 4, 1));
        assertTrue(e.getMessage().contains("class Uninfected has 3"), e.getMessage());
        assertEquals(Map.of("Parasitized", 3L, "Uninfected", 3L),
                perClass(SampleSelector.select(manifest, null, 3, 1)));
    }

    @Test
    void perClassBelowOneIsAnError() {
        ImageTable manifest = manifest(Map.of("Parasitized", 3, "Uninfected", 3));
        TlException e = assertThrows(TlException.class, () -> SampleSelector.select(manifest, null, 0, 1));
        assertTrue(e.getMessage().contains("perClass"), e.getMessage());
    }

    @Test
    void neitherSampleListNorPerClassIsAnError() {
        ImageTable manifest = manifest(Map.of("Parasitized", 3, "Uninfected", 3));
        TlException e = assertThrows(TlException.class, () -> SampleSelector.select(manifest, null, null, 1));
        assertTrue(e.getMessage().contains("tl.sampleList") && e.getMessage().contains("tl.perClass"),
                e.getMessage());
    }
}
