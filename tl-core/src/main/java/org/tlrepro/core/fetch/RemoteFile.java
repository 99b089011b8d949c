package org.tlrepro.core.fetch;

import java.io.Serializable;
import java.net.URI;

import org.tlrepro.core.io.FileDigest;
import org.tlrepro.core.io.Sha256;

/**
 * A file that can be fetched by name: from a mirror folder, from the cache, or from its canonical URL.
 *
 * @param name   file name, looked up in the mirror and the cache
 * @param sha256 expected SHA-256, or {@code null}
 * @param md5    expected MD5, or {@code null}: what Keras publishes (and checks) for its weight files. Where neither
 *               checksum is known, the file's contents are verified by whoever reads it, as the images of an
 *               archive are verified against the manifest
 * @param url    canonical download address, or {@code null} for a file only a mirror or cache holds
 */
public record RemoteFile(String name, String sha256, String md5, URI url) implements Serializable {

    public RemoteFile {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a remote file needs a plain file name, not '" + name + "'");
        }
        if (sha256 != null && !Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("sha256 of " + name + " must be 64 lower-case hex digits: " + sha256);
        }
        if (md5 != null && !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("md5 of " + name + " must be 32 lower-case hex digits: " + md5);
        }
        if (url != null && !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("the URL of " + name + " must be http or https: " + url);
        }
    }

    /** A file known by its SHA-256 (or by nothing) only. */
    public RemoteFile(String name, String sha256, URI url) {
        this(name, sha256, null, url);
    }

    public boolean hasChecksum() {
        return sha256 != null || md5 != null;
    }

    /** What the file is checked against, e.g. "SHA-256 606f37..." or "MD5 a268eb..." or "no checksum". */
    public String checksumText() {
        if (sha256 != null) {
            return "SHA-256 " + sha256 + (md5 != null ? ", MD5 " + md5 : "");
        }
        return md5 != null ? "MD5 " + md5 : "no checksum";
    }

    /** Why {@code actual} is not this file, or {@code null} if it matches every known checksum. */
    public String mismatch(FileDigest actual) {
        if (sha256 != null && !sha256.equals(actual.sha256())) {
            return "SHA-256 " + actual.sha256() + " but " + sha256 + " is expected";
        }
        if (md5 != null && !md5.equals(actual.md5())) {
            return "MD5 " + actual.md5() + " but " + md5 + " is expected";
        }
        return null;
    }

    /** For messages: the name, the checksum and where it comes from. */
    public String describe() {
        return name + " (" + checksumText() + (url != null ? ", from " + url : ", no URL") + ")";
    }

    /** What identifies the file's contents for cache keys: its checksum, else its name. */
    public String identity() {
        return sha256 != null ? "sha256:" + sha256 : md5 != null ? "md5:" + md5 : "name:" + name;
    }
}
