package org.tlrepro.core.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path tmp;

    private static Fingerprint of(Object... keysAndValues) {
        Fingerprint.Builder b = Fingerprint.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return b.build();
    }

    @Test
    void equalFingerprintsHaveNoChanges() {
        Fingerprint a = of("format", "1", "imageSize", 50, "seed", 7L);
        Fingerprint b = of("seed", "7", "imageSize", "50", "format", "1");
        assertEquals(List.of(), a.changesFrom(b));
        assertEquals(a, b);
    }

    @Test
    void aChangedValueIsReportedWithBothValues() {
        Fingerprint before = of("format", "1", "imageSize", 50);
        Fingerprint now = of("format", "1", "imageSize", 64);
        assertEquals(List.of("imageSize: 50 -> 64"), now.changesFrom(before));
    }

    @Test
    void newAndRemovedKeysAreReported() {
        Fingerprint before = of("a", "1", "gone", "x");
        Fingerprint now = of("a", "1", "added", "y");
        assertEquals(List.of("added is new (y)", "gone is gone (was x)"), now.changesFrom(before));
    }

    @Test
    void longValuesAreAbbreviated() {
        String sha1 = "0123456789abcdef0123456789abcdef";
        String sha2 = "fedcba9876543210fedcba9876543210";
        List<String> changes = of("manifest.sha256", sha2).changesFrom(of("manifest.sha256", sha1));
        assertEquals(List.of("manifest.sha256: 0123456789ab... -> fedcba987654..."), changes);
    }

    @Test
    void writeThenReadRoundTrips() {
        Fingerprint f = of("format", "1", "tl.version", "0.1.0", "imageSize", 50, "nothing", null);
        Path file = tmp.resolve("sub/fingerprint.json");
        f.write(file);
        assertEquals(Map.of("format", "1", "tl.version", "0.1.0", "imageSize", "50", "nothing", "null"),
                Fingerprint.read(file).orElseThrow().values());
        assertEquals(List.of(), Fingerprint.read(file).orElseThrow().changesFrom(f));
    }

    @Test
    void writeReplacesAnEarlierFingerprint() throws Exception {
        Path file = tmp.resolve("fingerprint.json");
        of("a", "1").write(file);
        of("b", "2").write(file);
        assertEquals(Map.of("b", "2"), Fingerprint.read(file).orElseThrow().values());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("fingerprint.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void readingAMissingFileIsEmpty() {
        assertTrue(Fingerprint.read(tmp.resolve("absent.json")).isEmpty());
    }

    @Test
    void readingAnUnreadableFileIsEmpty() throws Exception {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{\"format\": ");
        assertTrue(Fingerprint.read(file).isEmpty());
    }
}
