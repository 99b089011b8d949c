package org.tlrepro.core.fetch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Sha256;

/**
 * Finds a file by name: first in the mirror folder, then in the cache, then at its URL (downloaded into the
 * cache). A known SHA-256 is verified wherever the file comes from; a mismatch is never ignored.
 */
public final class FileFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(FileFetcher.class);

    private final Path mirror;
    private final Path cache;
    private final HttpDownloader downloader;

    /**
     * @param mirror read-only folder of files by name, or {@code null}
     * @param cache  writable cache folder, or {@code null} for no cache (and so no download)
     */
    public FileFetcher(Path mirror, Path cache, HttpDownloader downloader) {
        this.mirror = mirror;
        this.cache = cache;
        this.downloader = downloader;
    }

    /** The first of {@code candidates} that can be had, trying every mirror and cache before any download. */
    public FetchedFile fetchFirst(List<RemoteFile> candidates) {
        if (candidates.isEmpty()) {
            throw new TlException("no archive is configured: set <archives> or tl.url");
        }
        for (RemoteFile f : candidates) {
            Path inMirror = mirror == null ? null : mirror.resolve(f.name());
            if (inMirror != null && Files.isRegularFile(inMirror)) {
                verify(f, inMirror, "the mirror folder (tl.mirror)", "replace it with the original or remove it");
                LOG.info("Using {} from the mirror {}", f.name(), mirror);
                return new FetchedFile(f, inMirror, "mirror");
            }
        }
        for (RemoteFile f : candidates) {
            Path inCache = cache == null ? null : cache.resolve(f.name());
            if (inCache != null && Files.isRegularFile(inCache)) {
                if (f.sha256() == null || f.sha256().equals(Sha256.ofFile(inCache))) {
                    LOG.info("Using {} from the cache {}", f.name(), cache);
                    return new FetchedFile(f, inCache, "cache");
                }
                LOG.warn("Cached {} does not match its SHA-256; fetching it again", inCache);
            }
        }
        List<String> tried = new ArrayList<>();
        List<TlException> failures = new ArrayList<>();
        for (RemoteFile f : candidates) {
            if (f.url() == null) {
                tried.add(f.name() + " (no URL)");
                continue;
            }
            if (cache == null) {
                throw new TlException("cannot download " + f.url() + ": no cache folder is set (tl.cache)");
            }
            Path target = cache.resolve(f.name());
            try {
                downloader.download(f.url(), target, f.sha256());
                return new FetchedFile(f, target, "download");
            } catch (TlException e) {
                // another candidate may still be had; every failure is reported if none can
                LOG.warn("{}", e.getMessage());
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (!failures.isEmpty()) {
            StringBuilder all = new StringBuilder("none of the " + failures.size() + " configured downloads worked:");
            failures.forEach(e -> all.append("\n  - ").append(e.getMessage()));
            TlException e = new TlException(all.toString(), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        throw new TlException("none of " + tried + " is in the mirror " + mirror + " or the cache " + cache
                + ", and none has a URL: put the file in the mirror folder (tl.mirror) or configure its URL");
    }

    private static void verify(RemoteFile f, Path path, String where, String fix) {
        if (f.sha256() == null) {
            return;
        }
        String actual = Sha256.ofFile(path);
        if (!actual.equals(f.sha256())) {
            throw new TlException(path + " in " + where + " has SHA-256 " + actual + " but " + f.sha256()
                    + " is expected: " + fix);
        }
    }
}
