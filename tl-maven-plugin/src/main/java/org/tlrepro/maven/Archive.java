package org.tlrepro.maven;

import java.net.URI;

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

    RemoteFile toRemoteFile() {
        return new RemoteFile(name, sha256 == null || sha256.isBlank() ? null : sha256.trim(),
                url == null || url.isBlank() ? null : URI.create(url.trim()));
    }
}
