package org.tlrepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.fetch.RemoteFile;

/** A POM's {@code <archive>}: blank checksum and URL mean none, values are trimmed, bad ones named. */
class ArchiveTest {

    private static final String SHA256 = "2d1cbd6f5d3bf1c6a8bde5f7a8a5e3c2b9e1f0a4c6d8e2f1a3b5c7d9e0f1a2b3";

    @Test
    void blankOptionalFieldsAreAbsentAndValuesTrimmed() {
        Archive a = new Archive();
        a.setName("cell_images.zip");
        a.setSha256("  ");
        a.setUrl("");
        RemoteFile f = a.toRemoteFile();
        assertNull(f.sha256());
        assertNull(f.url());

        a.setSha256(" " + SHA256.toUpperCase(Locale.ROOT) + " \n");
        a.setUrl(" https://example.org/cell_images.zip ");
        f = a.toRemoteFile();
        assertEquals(SHA256, f.sha256());
        assertEquals(URI.create("https://example.org/cell_images.zip"), f.url());
    }

    @Test
    void aBadChecksumOrNameIsABuildFailureNamingTheArchive() {
        Archive a = new Archive();
        a.setName("cell_images.zip");
        a.setSha256("ab12");
        TlException e = assertThrows(TlException.class, a::toRemoteFile);
        assertTrue(e.getMessage().contains("<archive> cell_images.zip"), e.getMessage());
        assertTrue(e.getMessage().contains("64 lower-case hex digits"), e.getMessage());

        TlException nameless = assertThrows(TlException.class, new Archive()::toRemoteFile);
        assertTrue(nameless.getMessage().contains("without a <name>"), nameless.getMessage());
    }

    @Test
    void aBadModelUrlNamesTheProperties() {
        TlException e = assertThrows(TlException.class,
                () -> ModelFile.ofProperties("m.h5", null, null, "ftp://example.org/m.h5").toRemoteFile());
        assertEquals("the <model> m.h5 in tl.model, tl.modelSha256, tl.modelMd5 and tl.modelUrl is not valid: the URL "
                + "of m.h5 must be http or https: ftp://example.org/m.h5", e.getMessage());
        TlException spaces = assertThrows(TlException.class,
                () -> ModelFile.ofProperties("m.h5", null, null, "https://exa mple.org/").toRemoteFile());
        assertTrue(spaces.getMessage().contains("tl.modelUrl"), spaces.getMessage());
    }
}
