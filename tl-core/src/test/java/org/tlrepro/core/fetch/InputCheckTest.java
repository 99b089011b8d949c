package org.tlrepro.core.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;

/** The check, before any download, that every input of the study can be had. */
class InputCheckTest {

    @TempDir
    Path tmp;

    private static final RemoteFile ARCHIVE = new RemoteFile("cell_images.zip", null,
            URI.create("http://127.0.0.1:9/cell_images.zip"));
    private static final RemoteFile MODEL = new RemoteFile("weights.h5", null, "a".repeat(32),
            URI.create("http://127.0.0.1:9/weights.h5"));
    private static final RemoteFile MIRROR_ONLY = new RemoteFile("whole.h5", "b".repeat(64), null);

    private FileFetcher fetcher(boolean offline) throws Exception {
        return new FileFetcher(Files.createDirectories(tmp.resolve("mirror")), tmp.resolve("cache"),
                new HttpDownloader(new NetworkSettings(offline, List.of())));
    }

    @Test
    void onlineAUrlIsEnoughAndNothingIsRequested() throws Exception {
        // port 9 answers nothing: the check must not try
        assertDoesNotThrow(() -> InputCheck.check(fetcher(false), List.of(
                new InputCheck.Requirement("the image archive", List.of(ARCHIVE)),
                new InputCheck.Requirement("the network", List.of(MIRROR_ONLY, MODEL)))));
        assertFalse(Files.exists(tmp.resolve("cache")));
    }

    @Test
    void offlineEveryMissingInputIsListedWithItsFilesAndWhereToPutThem() throws Exception {
        TlException e = assertThrows(TlException.class, () -> InputCheck.check(fetcher(true), List.of(
                new InputCheck.Requirement("the image archive", List.of(ARCHIVE)),
                new InputCheck.Requirement("the network", List.of(MIRROR_ONLY, MODEL)))));
        String m = e.getMessage();
        assertTrue(m.startsWith("Maven is offline (-o) and these inputs are"), m);
        assertTrue(m.contains("the image archive: one of [cell_images.zip (no checksum, from http://127.0.0.1:9/"), m);
        assertTrue(m.contains("whole.h5 (SHA-256 " + "b".repeat(64) + ", no URL)"), m);
        assertTrue(m.contains("weights.h5 (MD5 " + "a".repeat(32)), m);
        assertTrue(m.contains(tmp.resolve("mirror").toString()) && m.contains(tmp.resolve("cache").toString()), m);
        assertTrue(m.contains("build without -o"), m);
    }

    @Test
    void offlineAFileInTheMirrorOrCacheIsEnough() throws Exception {
        FileFetcher f = fetcher(true);
        Files.writeString(tmp.resolve("mirror").resolve("whole.h5"), "x");
        Files.createDirectories(tmp.resolve("cache"));
        Files.writeString(tmp.resolve("cache").resolve("cell_images.zip"), "x");
        assertDoesNotThrow(() -> InputCheck.check(f, List.of(
                new InputCheck.Requirement("the image archive", List.of(ARCHIVE)),
                new InputCheck.Requirement("the network", List.of(MIRROR_ONLY, MODEL)))));
    }

    @Test
    void onlineAFileWithoutUrlThatIsNowhereIsNamed() throws Exception {
        TlException e = assertThrows(TlException.class, () -> InputCheck.check(fetcher(false), List.of(
                new InputCheck.Requirement("the network", List.of(MIRROR_ONLY)))));
        assertTrue(e.getMessage().startsWith("This input is in neither the mirror folder"), e.getMessage());
        assertTrue(e.getMessage().contains("no file of it has a URL"), e.getMessage());
    }
}
