package org.tlrepro.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.progress.Progress;

/**
 * Streams a URL into a temporary file beside the target and renames it only when it is complete (and its
 * SHA-256 matches, where one is expected), logging bytes, rate and ETA as it goes.
 */
public final class HttpDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(HttpDownloader.class);

    private final HttpClient client;

    public HttpDownloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build());
    }

    public HttpDownloader(HttpClient client) {
        this.client = client;
    }

    public void download(URI url, Path target, String expectedSha256) {
        LOG.info("Downloading {} to {}", url, target);
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TlException("cannot download " + url + ": " + e
                    + ". Check the network, or put " + target.getFileName() + " in the mirror folder (tl.mirror)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlException("download of " + url + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            close(response.body());
            throw new TlException("cannot download " + url + ": the server answered HTTP " + response.statusCode()
                    + ". Check the URL, or put " + target.getFileName() + " in the mirror folder (tl.mirror)");
        }
        long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path tmp = null;
        try {
            tmp = AtomicFiles.temporarySibling(target, ".part");
            Files.createDirectories(tmp.getParent());
            MessageDigest digest = Sha256.newDigest();
            long received = copy(response.body(), tmp, digest, expected, url, target.getFileName().toString());
            if (expected >= 0 && received != expected) {
                throw new TlException("download of " + url + " is truncated: " + received + " of " + expected
                        + " bytes arrived. Run the build again to retry");
            }
            String actual = Sha256.hex(digest);
            if (expectedSha256 != null && !expectedSha256.equals(actual)) {
                throw new TlException("download of " + url + " has SHA-256 " + actual + " but " + expectedSha256
                        + " is expected: the server sent a different file");
            }
            AtomicFiles.move(tmp, target);
            LOG.info("Downloaded {} ({} bytes)", target.getFileName(), received);
        } catch (IOException e) {
            throw new TlException("download of " + url + " failed: " + e + ". Run the build again to retry", e);
        } finally {
            close(response.body());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray .part file is harmless and never taken for a complete download
                }
            }
        }
    }

    /** Copies the body; a connection that ends early is reported as a truncated download. */
    private static long copy(InputStream in, Path tmp, MessageDigest digest, long expected, URI url, String name)
            throws IOException {
        Progress progress = new Progress(LOG, "Downloading " + name, expected, "bytes");
        byte[] buffer = new byte[1 << 16];
        long received = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new TlException("download of " + url + " is truncated: the connection ended after "
                            + received + (expected >= 0 ? " of " + expected : "") + " bytes (" + e.getMessage()
                            + "). Run the build again to retry", e);
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                received += n;
                progress.update(received);
            }
        }
        progress.finish(received);
        return received;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read from a failed response
        }
    }
}
