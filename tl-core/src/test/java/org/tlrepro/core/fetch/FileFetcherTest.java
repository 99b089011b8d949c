package org.tlrepro.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.FileDigest;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.testing.LoopbackHttpServer;

class FileFetcherTest {

    @TempDir
    Path tmp;

    private Path served;
    private Path mirror;
    private Path cache;
    private byte[] content;
    private String sha;
    private LoopbackHttpServer server;
    private final HttpDownloader downloader = new HttpDownloader();

    @BeforeEach
    void setUp() throws Exception {
        served = Files.createDirectories(tmp.resolve("served"));
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        cache = tmp.resolve("cache");
        content = new byte[50_000];
        new Random(6).nextBytes(content);
        sha = Sha256.hex(content);
        Files.write(served.resolve("archive.zip"), content);
        server = LoopbackHttpServer.start(served, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RemoteFile remote(String sha256) {
        return new RemoteFile("archive.zip", sha256, server.url("/files/archive.zip"));
    }

    @Test
    void theMirrorComesFirstAndNothingIsDownloaded() throws Exception {
        Files.write(mirror.resolve("archive.zip"), content);
        FetchedFile f = new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(remote(sha)));
        assertEquals("mirror", f.origin());
        assertEquals(mirror.resolve("archive.zip"), f.path());
        assertEquals(0, server.requests());
    }

    @Test
    void aPartialDownloadIsDeletedOnceTheFileIsInTheMirror() throws Exception {
        Path partials = Files.createDirectories(cache.resolve(".partial"));
        Files.write(partials.resolve("archive.zip.partial"), new byte[1000]);
        Files.writeString(partials.resolve("archive.zip.partial.url"), "http://x/archive.zip\n\"v\"\n");
        Files.write(mirror.resolve("archive.zip"), content);
        new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(remote(sha)));
        assertFalse(Files.exists(partials.resolve("archive.zip.partial")));
        assertFalse(Files.exists(partials.resolve("archive.zip.partial.url")));
    }

    @Test
    void anyMirrorHitComesBeforeTheCacheOfAnEarlierCandidate() throws Exception {
        Files.createDirectories(cache);
        Files.write(cache.resolve("archive.zip"), content);
        Files.write(mirror.resolve("second.zip"), content);
        RemoteFile second = new RemoteFile("second.zip", null, null);
        FetchedFile f = new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(remote(sha), second));
        assertEquals("mirror", f.origin());
        assertEquals(second, f.file());
    }

    @Test
    void aMirrorFileWithAnotherSha256NamesTheMirrorPath() throws Exception {
        Path bad = mirror.resolve("archive.zip");
        Files.writeString(bad, "not the archive");
        TlException e = assertThrows(TlException.class,
                () -> new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(remote(sha))));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(sha), e.getMessage());
        assertEquals(0, server.requests(), "a bad mirror file is an error, not a reason to download");
    }

    @Test
    void theCacheIsUsedBeforeTheUrl() throws Exception {
        Files.createDirectories(cache);
        Files.write(cache.resolve("archive.zip"), content);
        FetchedFile f = new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(remote(sha)));
        assertEquals("cache", f.origin());
        assertEquals(cache.resolve("archive.zip"), f.path());
        assertEquals(0, server.requests());
    }

    @Test
    void aCorruptCacheEntryIsDownloadedAgain() throws Exception {
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("archive.zip"), "half an archive");
        FetchedFile f = new FileFetcher(null, cache, downloader).fetchFirst(List.of(remote(sha)));
        assertEquals("download", f.origin());
        assertEquals(1, server.requests());
        assertArrayEquals(content, Files.readAllBytes(cache.resolve("archive.zip")));
    }

    @Test
    void aMissingFileIsDownloadedIntoTheCache() throws Exception {
        FetchedFile f = new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(remote(sha)));
        assertEquals("download", f.origin());
        assertEquals(cache.resolve("archive.zip"), f.path());
        assertArrayEquals(content, Files.readAllBytes(f.path()));
        assertEquals(1, server.requests());

        FetchedFile again = new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(remote(sha)));
        assertEquals("cache", again.origin());
        assertEquals(1, server.requests());
    }

    @Test
    void aCandidateWithoutUrlIsSkippedForOneWithAUrl() throws Exception {
        RemoteFile mirrorOnly = new RemoteFile("mirror-only.zip", null, null);
        FetchedFile f = new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(mirrorOnly, remote(sha)));
        assertEquals("download", f.origin());
        assertEquals(remote(sha), f.file());
    }

    @Test
    void aFailedDownloadFallsBackToTheNextCandidate() throws Exception {
        RemoteFile missing = new RemoteFile("gone.zip", null, server.url("/files/gone.zip"));
        FetchedFile f = new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(missing, remote(sha)));
        assertEquals(remote(sha), f.file());
        assertEquals(2, server.requests());
        assertFalse(Files.exists(cache.resolve("gone.zip")), "nothing is left of the failed download");
    }

    @Test
    void whenEveryDownloadFailsEachFailureIsNamed() {
        RemoteFile missing = new RemoteFile("gone.zip", null, server.url("/files/gone.zip"));
        RemoteFile wrong = remote("0".repeat(64));
        TlException e = assertThrows(TlException.class,
                () -> new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(missing, wrong)));
        assertTrue(e.getMessage().contains("none of the 2 configured downloads worked"), e.getMessage());
        assertTrue(e.getMessage().contains("gone.zip"), e.getMessage());
        assertTrue(e.getMessage().contains("0".repeat(64)), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
    }

    @Test
    void noAvailableCandidateIsATlException() {
        RemoteFile mirrorOnly = new RemoteFile("archive.zip", sha, null);
        TlException e = assertThrows(TlException.class,
                () -> new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(mirrorOnly)));
        assertTrue(e.getMessage().contains("archive.zip"), e.getMessage());
        assertEquals(0, server.requests());
    }

    @Test
    void noCandidatesIsATlException() {
        assertThrows(TlException.class, () -> new FileFetcher(mirror, cache, downloader).fetchFirst(List.of()));
    }

    @Test
    void aDownloadWithoutCacheIsATlException() {
        TlException e = assertThrows(TlException.class,
                () -> new FileFetcher(mirror, null, downloader).fetchFirst(List.of(remote(sha))));
        assertTrue(e.getMessage().contains("tl.cache"), e.getMessage());
        assertEquals(0, server.requests());
    }

    @Test
    void offlineTheMirrorServesAndAMissingFileIsNamedWithoutARequest() throws Exception {
        HttpDownloader offline = new HttpDownloader(new NetworkSettings(true, List.of()));
        TlException e = assertThrows(TlException.class,
                () -> new FileFetcher(mirror, cache, offline).fetchFirst(List.of(remote(sha))));
        assertTrue(e.getMessage().contains("offline (-o)") && e.getMessage().contains("archive.zip"), e.getMessage());
        assertEquals(0, server.requests());

        Files.write(mirror.resolve("archive.zip"), content);
        assertEquals("mirror", new FileFetcher(mirror, cache, offline).fetchFirst(List.of(remote(sha))).origin());
    }

    @Test
    void anMd5IsCheckedAsASha256Is() throws Exception {
        Files.writeString(mirror.resolve("archive.zip"), "not the archive");
        RemoteFile byMd5 = new RemoteFile("archive.zip", null, FileDigest.of(served.resolve("archive.zip")).md5(),
                server.url("/files/archive.zip"));
        TlException e = assertThrows(TlException.class,
                () -> new FileFetcher(mirror, cache, downloader).fetchFirst(List.of(byMd5)));
        assertTrue(e.getMessage().contains("MD5 ") && e.getMessage().contains(byMd5.md5()), e.getMessage());
    }

    /** Issue 34: the mirror's check lived in tl:prepare only; tl:cluster took a file for a mirror silently. */
    @Test
    void aMirrorThatIsNotAFolderIsNamed() throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(tmp.resolve("mirror.txt"), "x");
        TlException e = assertThrows(TlException.class, () -> new FileFetcher(notAFolder, tmp, null));
        assertEquals("tl.mirror is " + notAFolder + ", which is not a folder: fix or unset it", e.getMessage());
    }
}
