package org.tlrepro.core.fetch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.FileDigest;

/**
 * Finds a file by name: first in the mirror folder, then in the cache, then at its URL (downloaded into the
 * cache). Every known checksum (SHA-256, MD5) is verified wherever the file comes from; a mismatch is never ignored.
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
    /**
     * @throws TlException when {@code mirror} is set but is not a folder (every goal that fetches checks it here)
     */
    public FileFetcher(Path mirror, Path cache, HttpDownloader downloader) {
        if (mirror != null && !Files.isDirectory(mirror)) {
            throw new TlException("tl.mirror is " + mirror + ", which is not a folder: fix or unset it");
        }
        this.mirror = mirror;
        this.cache = cache;
        this.downloader = downloader;
    }

    /** Where {@code f} is by name, mirror first, without reading it (its checksum is verified when fetched). */
    public Optional<FetchedFile> locate(RemoteFile f) {
        if (mirror != null && Files.isRegularFile(mirror.resolve(f.name()))) {
            return Optional.of(new FetchedFile(f, mirror.resolve(f.name()), "mirror"));
        }
        if (cache != null && Files.isRegularFile(cache.resolve(f.name()))) {
            return Optional.of(new FetchedFile(f, cache.resolve(f.name()), "cache"));
        }
        return Optional.empty();
    }

    /** Whether {@code f} can be had: it is in the mirror or the cache, or it has a URL and downloads are allowed. */
    public boolean obtainable(RemoteFile f) {
        return locate(f).isPresent() || (f.url() != null && cache != null && !downloader.offline());
    }

    public boolean offline() {
        return downloader.offline();
    }

    public Path mirror() {
        return mirror;
    }

    public Path cache() {
        return cache;
    }

    /** The first of {@code candidates} that can be had, trying every mirror and cache before any download. */
    public FetchedFile fetchFirst(List<RemoteFile> candidates) {
        if (candidates.isEmpty()) {
            throw new TlException("no file is configured: set <archives> (or tl.url) for the images, <models> (or "
                    + "tl.model) for the embedding network");
        }
        for (RemoteFile f : candidates) {
            Path inMirror = mirror == null ? null : mirror.resolve(f.name());
            if (inMirror != null && Files.isRegularFile(inMirror)) {
                String mismatch = f.mismatch(FileDigest.of(inMirror));
                if (mismatch != null) {
                    throw new TlException(inMirror + " in the mirror folder (tl.mirror) has " + mismatch
                            + ": replace it with the original or remove it");
                }
                LOG.info("Using {} from the mirror {}{}", f.name(), mirror, verified(f));
                discardPartials(candidates, f.name() + " is in the mirror");
                return new FetchedFile(f, inMirror, "mirror");
            }
        }
        for (RemoteFile f : candidates) {
            Path inCache = cache == null ? null : cache.resolve(f.name());
            if (inCache != null && Files.isRegularFile(inCache)) {
                String mismatch = f.mismatch(FileDigest.of(inCache));
                if (mismatch == null) {
                    LOG.info("Using {} from the cache {}{}", f.name(), cache, verified(f));
                    discardPartials(candidates, f.name() + " is in the cache");
                    return new FetchedFile(f, inCache, "cache");
                }
                LOG.warn("Cached {} has {}; fetching it again", inCache, mismatch);
            }
        }
        if (downloader.offline()) {
            throw new TlException(missingOffline("the file", candidates));
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
                downloader.download(f, target);
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

    /** A partial download of any candidate is not needed once one of them is at hand. */
    private void discardPartials(List<RemoteFile> candidates, String why) {
        if (cache != null) {
            candidates.forEach(c -> HttpDownloader.discardPartial(cache.resolve(c.name()), why));
        }
    }

    /** The error of an offline build that lacks every one of {@code candidates}. */
    String missingOffline(String what, List<RemoteFile> candidates) {
        return "Maven is offline (-o) and " + what + " is neither in the mirror folder " + mirror
                + " (tl.mirror) nor in the cache " + cache + " (tl.cache): put one of "
                + candidates.stream().map(RemoteFile::describe).toList() + " there by that name, or build without -o";
    }

    private static String verified(RemoteFile f) {
        return f.hasChecksum() ? " (" + f.checksumText().replaceFirst(",.*", "") + " verified)" : "";
    }
}
