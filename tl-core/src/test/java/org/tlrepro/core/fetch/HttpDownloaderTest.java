package org.tlrepro.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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

class HttpDownloaderTest {

    @TempDir
    Path tmp;

    private Path served;
    private Path target;
    private byte[] content;
    private LoopbackHttpServer server;
    private final HttpDownloader downloader = new HttpDownloader();

    @BeforeEach
    void serve() throws Exception {
        served = Files.createDirectories(tmp.resolve("served"));
        content = new byte[300_000];
        new Random(5).nextBytes(content);
        Files.write(served.resolve("data.bin"), content);
        target = tmp.resolve("cache").resolve("data.bin");
        server = LoopbackHttpServer.start(served, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RemoteFile file(String path, String sha256) {
        return new RemoteFile("data.bin", sha256, server.url(path));
    }

    /** The cache's files, without the folder of partial downloads and its lock files. */
    private List<String> cacheFiles() throws Exception {
        if (!Files.isDirectory(target.getParent())) {
            return List.of();
        }
        try (var files = Files.list(target.getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private List<String> partialFiles() throws Exception {
        Path dir = target.getParent().resolve(".partial");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).sorted().toList();
        }
    }

    @Test
    void downloadsTheBytesAndLeavesNoPartFile() throws Exception {
        downloader.download(file("/files/data.bin", Sha256.hex(content)), target);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of("data.bin"), cacheFiles());
        assertEquals(List.of(), partialFiles());
        assertEquals(1, server.requests());
    }

    @Test
    void downloadsWithoutAnExpectedChecksum() throws Exception {
        downloader.download(file("/files/data.bin", null), target);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of("data.bin"), cacheFiles());
    }

    @Test
    void checksAnMd5AsKerasPublishesThem() throws Exception {
        String md5 = FileDigest.of(served.resolve("data.bin")).md5();
        downloader.download(new RemoteFile("data.bin", null, md5, server.url("/files/data.bin")), target);
        assertArrayEquals(content, Files.readAllBytes(target));

        Files.delete(target);
        RemoteFile wrong = new RemoteFile("data.bin", null, "0".repeat(32), server.url("/files/data.bin"));
        TlException e = assertThrows(TlException.class, () -> downloader.download(wrong, target));
        assertTrue(e.getMessage().contains("MD5 " + md5) && e.getMessage().contains("0".repeat(32)), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), partialFiles());
    }

    @Test
    void replacesAnExistingTarget() throws Exception {
        Files.createDirectories(target.getParent());
        Files.writeString(target, "stale");
        downloader.download(file("/files/data.bin", Sha256.hex(content)), target);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of("data.bin"), cacheFiles());
    }

    @Test
    void notFoundIsReportedWithTheStatus() throws Exception {
        TlException e = assertThrows(TlException.class, () -> downloader.download(file("/files/absent.bin", null),
                target));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("/files/absent.bin"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aTruncatedBodyIsRejectedAndKeptOnlyAsAPartialDownload() throws Exception {
        TlException e = assertThrows(TlException.class,
                () -> downloader.download(file("/truncated/data.bin", null), target));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), cacheFiles(), "no target");
    }

    @Test
    void anInterruptedDownloadResumesWhereItStopped() throws Exception {
        RemoteFile flaky = file("/flaky/data.bin", Sha256.hex(content));
        TlException e = assertThrows(TlException.class, () -> downloader.download(flaky, target));
        assertTrue(e.getMessage().contains("run the build again to resume"), e.getMessage());
        assertEquals(List.of("data.bin.partial", "data.bin.partial.url"), partialFiles());

        downloader.download(flaky, target);
        assertArrayEquals(content, Files.readAllBytes(target));
        List<String> log = server.log();
        assertEquals(2, log.size(), log.toString());
        // resumed from what arrived: at most the half the server sent (the JDK server's abrupt close can lose
        // the last bytes in flight), and more than nothing
        java.util.regex.Matcher resumedAt = java.util.regex.Pattern.compile("bytes=(\\d+)-$").matcher(log.get(1));
        assertTrue(resumedAt.find(), log.toString());
        long from = Long.parseLong(resumedAt.group(1));
        assertTrue(from > 0 && from <= content.length / 2, log.toString());
        assertEquals(List.of(), partialFiles());
    }

    /** Short limits, so that each bounded wait ends within seconds. */
    private HttpDownloader bounded() {
        return new HttpDownloader(NetworkSettings.direct(), new DownloadLimits(java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(2), 1 << 20));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // fails, not hangs, where the download has no bound
    void aServerThatNeverAnswersFailsInBoundedTimeNamingTheUrlAndTheMirror() {
        RemoteFile f = file("/silent/data.bin", Sha256.hex(content));
        long start = System.nanoTime();
        TlException e = assertThrows(TlException.class, () -> bounded().download(f, target));
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "bounded");
        assertTrue(e.getMessage().contains(f.url() + ": the server did not answer within 2 s"), e.getMessage());
        assertTrue(e.getMessage().contains("tl.mirror"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // fails, not hangs, where the download has no bound
    void aBodyThatStallsFailsInBoundedTimeAndKeepsWhatArrivedForResuming() throws Exception {
        RemoteFile f = file("/stall/data.bin", Sha256.hex(content));
        long start = System.nanoTime();
        TlException e = assertThrows(TlException.class, () -> bounded().download(f, target));
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "bounded");
        assertTrue(e.getMessage().contains("download of " + f.url() + " stalled: no byte arrived for 2 s after 1024 "
                + "of 300000 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("tl.mirror"), e.getMessage());
        assertEquals(List.of("data.bin.partial", "data.bin.partial.url"), partialFiles());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // fails, not hangs, where the download has no bound
    void aBodyWithoutEndIsCutOffAtTheLimitAndNothingIsKept() throws Exception {
        RemoteFile f = file("/endless/data.bin", Sha256.hex(content));
        TlException e = assertThrows(TlException.class, () -> bounded().download(f, target));
        assertTrue(e.getMessage().contains("download of " + f.url() + " was cut off: the server sent more than the "
                + "limit of 1048576 bytes without announcing a length"), e.getMessage());
        assertEquals(List.of(), partialFiles());
        assertFalse(Files.exists(target));
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        RemoteFile f = file("/huge/data.bin", Sha256.hex(content));
        TlException e = assertThrows(TlException.class, () -> bounded().download(f, target));
        assertTrue(e.getMessage().contains("the server announces 1099511627776 bytes, more than the limit of "
                + "1048576"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void redirectsToAnotherSchemeOrInALoopAreNamedAsSuch() {
        for (String path : List.of("/redirect-file/data.bin", "/redirect-loop/data.bin")) {
            RemoteFile f = file(path, Sha256.hex(content));
            TlException e = assertThrows(TlException.class, () -> bounded().download(f, target));
            assertTrue(e.getMessage().contains("the server redirected (HTTP 302) to "), e.getMessage());
            assertTrue(e.getMessage().contains("which is not followed"), e.getMessage());
        }
    }

    @Test
    void aServerThatDoesNotResumeSendsTheWholeFileAgain() throws Exception {
        RemoteFile flaky = file("/flaky/data.bin", Sha256.hex(content));
        assertThrows(TlException.class, () -> downloader.download(flaky, target));
        // the same partial file, now asked of a server that ignores Range
        Path partialUrl = target.getParent().resolve(".partial/data.bin.partial.url");
        Files.writeString(partialUrl, server.url("/norange/data.bin") + "\n\n");
        downloader.download(file("/norange/data.bin", Sha256.hex(content)), target);
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void aPartialDownloadOfAnotherUrlIsDiscarded() throws Exception {
        assertThrows(TlException.class, () -> downloader.download(file("/flaky/data.bin", Sha256.hex(content)),
                target));
        downloader.download(file("/files/data.bin", Sha256.hex(content)), target);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertFalse(server.log().get(1).contains("bytes="), "not resumed from another URL's bytes");
    }

    @Test
    void aWrongSha256IsRejectedAndLeavesNothing() throws Exception {
        String wrong = Sha256.hex(new byte[] {1, 2, 3});
        TlException e = assertThrows(TlException.class,
                () -> downloader.download(file("/files/data.bin", wrong), target));
        assertTrue(e.getMessage().contains(wrong), e.getMessage());
        assertTrue(e.getMessage().contains(Sha256.hex(content)), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), cacheFiles());
        assertEquals(List.of(), partialFiles());
    }

    @Test
    void anUnreachableServerIsATlException() {
        RemoteFile f = file("/files/data.bin", null);
        server.close();
        TlException e = assertThrows(TlException.class, () -> downloader.download(f, target));
        assertTrue(e.getMessage().contains(f.url().toString()), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void offlineNothingIsRequested() {
        HttpDownloader offline = new HttpDownloader(new NetworkSettings(true, List.of()));
        TlException e = assertThrows(TlException.class,
                () -> offline.download(file("/files/data.bin", null), target));
        assertTrue(e.getMessage().contains("offline (-o)") && e.getMessage().contains("data.bin"), e.getMessage());
        assertEquals(0, server.requests());
    }

    @Test
    void aProxyFromSettingsCarriesTheRequest() throws Exception {
        // the host does not exist: only the proxy can answer
        RemoteFile f = new RemoteFile("data.bin", Sha256.hex(content), URI.create("http://tl-test.invalid/files/data.bin"));
        HttpDownloader viaProxy = new HttpDownloader(new NetworkSettings(false,
                List.of(new ProxySetting("http", "127.0.0.1", server.port(), null, null, "localhost"))));
        viaProxy.download(f, target);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of(f.url()), server.proxied());
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        HttpDownloader bypassing = new HttpDownloader(new NetworkSettings(false,
                List.of(new ProxySetting("http", "127.0.0.2", 9, null, null, "localhost|127.0.0.*"))));
        bypassing.download(file("/files/data.bin", Sha256.hex(content)), target);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of(), server.proxied());
    }
}
