package org.tlrepro.maven;

import java.net.URI;
import java.util.Locale;

import org.tlrepro.core.TlException;
import org.tlrepro.core.fetch.RemoteFile;

/**
 * A file the build fetches, as a POM lists it: {@code <name>} and, optionally, {@code <sha256>}, {@code <md5>}
 * (Keras publishes MD5s for its weight files) and {@code <url>}. Blank values mean none; checksums in upper case
 * (PowerShell's Get-FileHash) are accepted.
 */
public abstract class FileParameter {

    private String name;
    private String sha256;
    private String md5;
    private String url;

    public void setName(String name) {
        this.name = name;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public void setMd5(String md5) {
        this.md5 = md5;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** The element's name in the POM, for messages, e.g. "archive". */
    protected abstract String element();

    /** The list it is in and the goal that reads it, for messages, e.g. "<archives> of tl:prepare". */
    protected abstract String where();

    /** @throws TlException naming the element and what is wrong with it */
    RemoteFile toRemoteFile() {
        try {
            return new RemoteFile(name, checksum(sha256), checksum(md5),
                    url == null || url.isBlank() ? null : URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            throw new TlException("the <" + element() + "> " + (name == null ? "without a <name>" : name) + " in "
                    + where() + " is not valid: " + e.getMessage());
        }
    }

    private static String checksum(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
