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

    private List<String> cacheFiles() throws Exception {
        if (!Files.isDirectory(target.getParent())) {
            return List.of();
        }
        try (var files = Files.list(target.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsTheBytesAndLeavesNoPartFile() throws Exception {
        downloader.download(server.url("/files/data.bin"), target, Sha256.hex(content));
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of("data.bin"), cacheFiles());
        assertEquals(1, server.requests());
    }

    @Test
    void downloadsWithoutAnExpectedSha256() throws Exception {
        downloader.download(server.url("/files/data.bin"), target, null);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of("data.bin"), cacheFiles());
    }

    @Test
    void replacesAnExistingTarget() throws Exception {
        Files.createDirectories(target.getParent());
        Files.writeString(target, "stale");
        downloader.download(server.url("/files/data.bin"), target, Sha256.hex(content));
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of("data.bin"), cacheFiles());
    }

    @Test
    void notFoundIsReportedWithTheStatus() throws Exception {
        TlException e = assertThrows(TlException.class,
                () -> downloader.download(server.url("/files/absent.bin"), target, null));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("/files/absent.bin"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aTruncatedBodyIsRejectedAndLeavesNothing() throws Exception {
        TlException e = assertThrows(TlException.class,
                () -> downloader.download(server.url("/truncated/data.bin"), target, null));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), cacheFiles(), "no target and no .part file");
    }

    @Test
    void aWrongSha256IsRejectedAndLeavesNothing() throws Exception {
        String wrong = Sha256.hex(new byte[] {1, 2, 3});
        TlException e = assertThrows(TlException.class,
                () -> downloader.download(server.url("/files/data.bin"), target, wrong));
        assertTrue(e.getMessage().contains(wrong), e.getMessage());
        assertTrue(e.getMessage().contains(Sha256.hex(content)), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void anUnreachableServerIsATlException() {
        var url = server.url("/files/data.bin");
        server.close();
        TlException e = assertThrows(TlException.class, () -> downloader.download(url, target, null));
        assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
        assertFalse(Files.exists(target));
    }
}
