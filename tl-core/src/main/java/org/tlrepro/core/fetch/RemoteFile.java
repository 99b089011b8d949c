package org.tlrepro.core.fetch;

import java.io.Serializable;
import java.net.URI;

import org.tlrepro.core.io.Sha256;

/**
 * A file that can be fetched by name: from a mirror folder, from the cache, or from its canonical URL.
 *
 * @param name    file name, looked up in the mirror and the cache
 * @param sha256  expected SHA-256, or {@code null} where it is not known (the file's contents are then verified
 *                by whoever reads it, as the images of an archive are verified against the manifest)
 * @param url     canonical download address, or {@code null} for a file only a mirror holds
 */
public record RemoteFile(String name, String sha256, URI url) implements Serializable {

    public RemoteFile {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a remote file needs a plain file name, not '" + name + "'");
        }
        if (sha256 != null && !Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("sha256 of " + name + " must be 64 lower-case hex digits: " + sha256);
        }
    }
}
