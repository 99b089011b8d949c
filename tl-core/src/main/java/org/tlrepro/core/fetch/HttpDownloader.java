package org.tlrepro.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.FileDigest;
import org.tlrepro.core.io.FileLocks;
import org.tlrepro.core.progress.Progress;

/**
 * Streams a URL into {@code .partial/<name>.partial} beside the target, and renames it into place only when it is
 * complete and matches every checksum the file has, logging bytes, rate and ETA as it goes. A download cut short
 * keeps its partial file and the server's validator ({@code <name>.partial.url}), so that the next build asks only
 * for the rest (HTTP Range, with If-Range so that a changed file starts over). Honours Maven's offline mode (no request at
 * all) and the proxies of {@code settings.xml}. Every wait is bounded ({@link DownloadLimits}): a server that does not
 * answer, a body that stalls and a body that runs past the size limit each end the download with a message naming the
 * URL, the cause and the mirror folder as the way out.
 */
public final class HttpDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(HttpDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient client;
    private final NetworkSettings network;
    private final DownloadLimits limits;

    /** Online, direct. */
    public HttpDownloader() {
        this(NetworkSettings.direct());
    }

    public HttpDownloader(NetworkSettings network) {
        this(network, DownloadLimits.DEFAULT);
    }

    public HttpDownloader(NetworkSettings network, DownloadLimits limits) {
        this.network = network;
        this.limits = limits;
        SettingsProxySelector proxies = new SettingsProxySelector(network.proxies());
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).proxy(proxies);
        if (network.proxies().stream().anyMatch(p -> p.username() != null && !p.username().isBlank())) {
            builder.authenticator(new ProxyAuthenticator(network.proxies()));
        }
        this.client = builder.build();
    }

    public boolean offline() {
        return network.offline();
    }

    /** The proxy a request for {@code url} goes through, for the log. */
    public Optional<ProxySetting> proxyFor(URI url) {
        return new SettingsProxySelector(network.proxies()).proxyFor(url);
    }

    /**
     * Downloads {@code file} from its URL to {@code target} (in the cache), resuming an earlier partial download.
     *
     * @throws TlException naming the URL and what went wrong; the target is then absent or unchanged
     */
    public void download(RemoteFile file, Path target) {
        URI url = file.url();
        if (network.offline()) {
            throw new TlException("Maven is offline (-o): not downloading " + url + ". Put " + file.name()
                    + " in the mirror folder (tl.mirror) or the cache (tl.cache), or build without -o");
        }
        // in a folder of their own beside the target: same file system for the rename, and the cache stays tidy
        Path partial = partialOf(target);
        try {
            Files.createDirectories(partial.getParent());
            FileLocks.withLock(partial, limits.lockWait(), () -> {
                downloadLocked(file, target, partial);
                return null;
            });
        } catch (IOException e) {
            throw new TlException("download of " + url + " failed: " + e + ". Run the build again to retry", e);
        }
    }

    /** Where the partial download of {@code target} is kept: in a folder of its own beside it. */
    static Path partialOf(Path target) {
        return target.toAbsolutePath().resolveSibling(".partial").resolve(target.getFileName() + ".partial");
    }

    /** The URL and server validator of a partial download, beside it. */
    private static Path validatorOf(Path partial) {
        return partial.resolveSibling(partial.getFileName() + ".url");
    }

    /**
     * Deletes an earlier partial download of {@code target} that is no longer needed (the file came from the mirror
     * or the cache), saying so; one that another build is writing now is left alone.
     */
    public static void discardPartial(Path target, String why) {
        Path partial = partialOf(target);
        if (!Files.exists(partial)) {
            return;
        }
        try {
            FileLocks.tryWithLock(partial, () -> {
                long bytes = Files.isRegularFile(partial) ? Files.size(partial) : 0;
                Files.deleteIfExists(partial);
                Files.deleteIfExists(validatorOf(partial));
                LOG.info("Deleted the partial download {} ({} bytes): {}", partial, bytes, why);
                return null;
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the partial download {}: {}", partial, e.toString());
        }
    }

    private void downloadLocked(RemoteFile file, Path target, Path partial) throws IOException {
        URI url = file.url();
        Path validatorFile = validatorOf(partial);
        long have = resumableBytes(file, partial, validatorFile);
        String validator = have > 0 ? Files.readAllLines(validatorFile, StandardCharsets.UTF_8).get(1) : "";
        Optional<ProxySetting> proxy = proxyFor(url);
        LOG.info("Downloading {} to {}{}{}", url, target, proxy.map(p -> " through the " + p.describe()).orElse(""),
                have > 0 ? ", resuming after " + have + " bytes" : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(limits.answer()).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
            if (!validator.isEmpty()) {
                request.header("If-Range", validator);
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new TlException("cannot download " + url + ": the server did not answer within "
                    + limits.answer().toSeconds() + " s" + proxy.map(p -> " (through the " + p.describe()
                    + " of settings.xml)").orElse("") + ". Check the network, or put " + file.name()
                    + " in the mirror folder (tl.mirror)", e);
        } catch (IOException e) {
            throw new TlException("cannot download " + url + ": " + e + proxy.map(p -> " (through the "
                    + p.describe() + " of settings.xml)").orElse("") + ". Check the network, or put "
                    + file.name() + " in the mirror folder (tl.mirror)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlException("download of " + url + " was interrupted", e);
        }
        try (InputStream body = response.body()) {
            long from;
            long total;
            if (response.statusCode() == 206 && have > 0) {
                Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                    throw new TlException("download of " + url + ": the server answered a request for bytes " + have
                            + "- with the range '" + response.headers().firstValue("Content-Range").orElse("")
                            + "'. Delete " + partial + " and run the build again");
                }
                from = have;
                total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            } else if (response.statusCode() == 200) {
                if (have > 0) {
                    LOG.info("The server sends {} whole (it does not resume, or the file changed); starting over",
                            file.name());
                }
                from = 0;
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            } else {
                if (response.statusCode() / 100 == 3) {
                    // HttpClient follows redirects within http(s), never https to http, and at most 5 in a row
                    throw new TlException("cannot download " + url + ": the server redirected (HTTP "
                            + response.statusCode() + ") to " + response.headers().firstValue("Location")
                            .orElse("no location") + ", which is not followed: a redirect to another scheme "
                            + "(file:, ftp:, or from https to http) or one of more than 5 in a row. Put "
                            + file.name() + " in the mirror folder (tl.mirror), or point the build at another URL");
                }
                if (response.statusCode() == 416) {
                    // the partial file is not a prefix of what the server has now
                    Files.deleteIfExists(partial);
                    Files.deleteIfExists(validatorFile);
                }
                throw new TlException("cannot download " + url + ": the server answered HTTP " + response.statusCode()
                        + ". Check the URL, or put " + file.name() + " in the mirror folder (tl.mirror)");
            }
            if (total > limits.maxBytes()) {
                throw new TlException("cannot download " + url + ": the server announces " + total + " bytes, more "
                        + "than the limit of " + limits.maxBytes() + ". Check the URL, or put " + file.name()
                        + " in the mirror folder (tl.mirror)");
            }
            // written before the body, so that a build killed mid-body can resume: the URL and the server's
            // validator (ETag, else Last-Modified, else none: then only a checksum makes resuming safe)
            if (from == 0) {
                String newValidator = response.headers().firstValue("ETag")
                        .or(() -> response.headers().firstValue("Last-Modified")).orElse("");
                AtomicFiles.write(validatorFile, (url + "\n" + newValidator + "\n").getBytes(StandardCharsets.UTF_8));
            }
            long received = copy(body, partial, from, total, url, file.name(), validatorFile);
            if (total >= 0 && received != total) {
                throw new TlException("download of " + url + " is truncated: " + received + " of " + total
                        + " bytes arrived. Run the build again to resume");
            }
            FileDigest digest = FileDigest.of(partial);
            String mismatch = file.mismatch(digest);
            if (mismatch != null) {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(validatorFile);
                throw new TlException("download of " + url + " has " + mismatch + ": the server sent a different "
                        + "file; it was deleted");
            }
            AtomicFiles.move(partial, target);
            Files.deleteIfExists(validatorFile);
            LOG.info("Downloaded {} ({} bytes, {})", target.getFileName(), received, file.hasChecksum()
                    ? "checksum verified: " + file.checksumText() : "no checksum configured");
        }
    }

    /**
     * Bytes of an earlier partial download of the same URL that can be resumed (the server named a validator, or
     * the file has a checksum that will catch a changed file), else 0, the partial file then deleted.
     */
    private static long resumableBytes(RemoteFile file, Path partial, Path validatorFile) throws IOException {
        if (!Files.isRegularFile(partial)) {
            Files.deleteIfExists(validatorFile);
            return 0;
        }
        URI url = file.url();
        List<String> lines = Files.isRegularFile(validatorFile)
                ? Files.readAllLines(validatorFile, StandardCharsets.UTF_8) : List.of();
        if (lines.size() < 2 || !lines.get(0).equals(url.toString()) || Files.size(partial) == 0
                || (lines.get(1).isEmpty() && !file.hasChecksum())) {
            LOG.info("Deleting the partial download {}: it is not known to be a start of {}", partial, url);
            Files.delete(partial);
            Files.deleteIfExists(validatorFile);
            return 0;
        }
        return Files.size(partial);
    }

    /**
     * Appends the body to {@code partial} from byte {@code from}; returns the bytes the file then holds. Each read
     * waits at most {@link DownloadLimits#idle()}; a body past {@link DownloadLimits#maxBytes()} is cut off and its
     * partial file deleted (a stalled one is kept, to be resumed).
     */
    private long copy(InputStream in, Path partial, long from, long total, URI url, String name, Path validatorFile)
            throws IOException {
        Progress progress = new Progress(LOG, "Downloading " + name, total, "bytes");
        byte[] buffer = new byte[1 << 16];
        long received = from;
        StandardOpenOption mode = from > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tl-download-reader");
            t.setDaemon(true);
            return t;
        });
        boolean tooLarge = false;
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                mode)) {
            while (true) {
                int n;
                Future<Integer> read = reader.submit(() -> in.read(buffer));
                try {
                    n = read.get(limits.idle().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    read.cancel(true);
                    throw new TlException("download of " + url + " stalled: no byte arrived for "
                            + limits.idle().toSeconds() + " s after " + received + (total >= 0 ? " of " + total : "")
                            + " bytes. They are kept in " + partial + ": run the build again to resume, or put "
                            + name + " in the mirror folder (tl.mirror)", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new TlException("download of " + url + " is truncated: the connection ended after "
                            + received + (total >= 0 ? " of " + total : "") + " bytes (" + cause.getMessage()
                            + "). They are kept in " + partial + ": run the build again to resume", cause);
                } catch (InterruptedException e) {
                    read.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new TlException("download of " + url + " was interrupted", e);
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                received += n;
                if (received > limits.maxBytes()) {
                    tooLarge = true;
                    break;
                }
                progress.update(received);
            }
        } finally {
            reader.shutdownNow();
        }
        if (tooLarge) {
            in.close();
            Files.deleteIfExists(partial);
            Files.deleteIfExists(validatorFile);
            throw new TlException("download of " + url + " was cut off: the server sent more than the limit of "
                    + limits.maxBytes() + " bytes" + (total >= 0 ? "" : " without announcing a length")
                    + "; nothing was kept. Check the URL, or put " + name + " in the mirror folder (tl.mirror)");
        }
        progress.finish(received);
        return received;
    }

    /** Answers a proxy's request for credentials with those of settings.xml; never a server's. */
    private static final class ProxyAuthenticator extends Authenticator {
        private final List<ProxySetting> proxies;

        ProxyAuthenticator(List<ProxySetting> proxies) {
            this.proxies = proxies;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return proxies.stream()
                    .filter(p -> p.host().equalsIgnoreCase(getRequestingHost()) && p.port() == getRequestingPort()
                            && p.username() != null)
                    .findFirst()
                    .map(p -> new PasswordAuthentication(p.username(),
                            (p.password() == null ? "" : p.password()).toCharArray()))
                    .orElse(null);
        }
    }
}
