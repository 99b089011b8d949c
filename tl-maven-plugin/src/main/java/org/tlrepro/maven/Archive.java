package org.tlrepro.maven;

import java.net.URI;
import java.util.Locale;

import org.tlrepro.core.TlException;
import org.tlrepro.core.fetch.RemoteFile;

/**
 * An archive of the original images, as configured in the POM:
 * {@code <archive><name>…</name><sha256>…</sha256><url>…</url></archive>}.
 * {@code sha256} and {@code url} are optional.
 */
public class Archive {

    private String name;
    private String sha256;
    private String url;

    public void setName(String name) {
        this.name = name;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** @throws TlException naming the {@code <archive>} and what is wrong with it */
    RemoteFile toRemoteFile() {
        try {
            // PowerShell's Get-FileHash prints upper case; the digest is the same
            return new RemoteFile(name,
                    sha256 == null || sha256.isBlank() ? null : sha256.trim().toLowerCase(Locale.ROOT),
                    url == null || url.isBlank() ? null : URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            throw new TlException("the <archive> " + (name == null ? "without a <name>" : name) + " in <archives> of "
                    + "tl:prepare is not valid: " + e.getMessage());
        }
    }
}
