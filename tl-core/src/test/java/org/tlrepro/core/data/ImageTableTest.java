package org.tlrepro.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Sha256;

class ImageTableTest {

    private static final String HEADER = "class\tfilename\tsha256\tsize_bytes\n";
    private static final String SHA_A = Sha256.hex(new byte[] {1});
    private static final String SHA_B = Sha256.hex(new byte[] {2});
    private static final String SHA_C = Sha256.hex(new byte[] {3});

    @TempDir
    Path tmp;

    private Path write(String content) throws Exception {
        Path file = tmp.resolve("table.tsv");
        Files.writeString(file, content);
        return file;
    }

    private TlException failure(String content) throws Exception {
        Path file = write(content);
        TlException e = assertThrows(TlException.class, () -> ImageTable.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void readsAValidTableInFileOrder() throws Exception {
        Path file = write(HEADER + "Uninfected\tu1.png\t" + SHA_A + "\t10\n"
                + "Parasitized\tp1.png\t" + SHA_B + "\t20\n"
                + "\n"
                + "Parasitized\tp2.png\t" + SHA_C + "\t30\n");
        ImageTable table = ImageTable.read(file);
        assertEquals(file, table.source());
        assertEquals(3, table.size());
        assertEquals(List.of(new ImageRecord("Uninfected", "u1.png", SHA_A, 10),
                new ImageRecord("Parasitized", "p1.png", SHA_B, 20),
                new ImageRecord("Parasitized", "p2.png", SHA_C, 30)), table.records());
        assertEquals(SHA_B, table.find("Parasitized", "p1.png").orElseThrow().sha256());
        assertTrue(table.find("Uninfected", "p1.png").isEmpty());
        assertEquals(List.of("p1.png", "p2.png"),
                table.ofClass("Parasitized").stream().map(ImageRecord::filename).toList());
    }

    @Test
    void classesAreSorted() throws Exception {
        Path file = write(HEADER + "zeta\ta.png\t" + SHA_A + "\t1\n" + "Beta\tb.png\t" + SHA_B + "\t1\n"
                + "alpha\tc.png\t" + SHA_C + "\t1\n" + "zeta\td.png\t" + SHA_C + "\t1\n");
        assertEquals(List.of("Beta", "alpha", "zeta"), List.copyOf(ImageTable.read(file).classes()));
    }

    @Test
    void toTsvRoundTrips() throws Exception {
        String text = HEADER + "Uninfected\tu1.png\t" + SHA_A + "\t10\n" + "Parasitized\tp1.png\t" + SHA_B + "\t20\n";
        ImageTable table = ImageTable.read(write(text));
        assertEquals(text, table.toTsv());
        Path copy = tmp.resolve("copy.tsv");
        Files.writeString(copy, table.toTsv());
        assertEquals(table.records(), ImageTable.read(copy).records());
    }

    @Test
    void aWrongHeaderNamesTheFile() throws Exception {
        TlException e = failure("class\tfile\tsha256\tsize_bytes\n" + "A\ta.png\t" + SHA_A + "\t1\n");
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void anEmptyFileHasNoHeader() throws Exception {
        TlException e = failure("");
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void aBadSha256NamesFileAndLine() throws Exception {
        TlException e = failure(HEADER + "A\ta.png\t" + SHA_A + "\t1\n" + "A\tb.png\t" + SHA_B.toUpperCase() + "\t1\n");
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void aShortSha256NamesFileAndLine() throws Exception {
        TlException e = failure(HEADER + "A\ta.png\tabc123\t1\n");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aWrongColumnCountNamesFileAndLine() throws Exception {
        TlException e = failure(HEADER + "A\ta.png\t" + SHA_A + "\n");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("found 3"), e.getMessage());
        TlException extra = failure(HEADER + "A\ta.png\t" + SHA_A + "\t1\t\n");
        assertTrue(extra.getMessage().contains("line 2"), extra.getMessage());
    }

    @Test
    void aNonNumericSizeNamesFileAndLine() throws Exception {
        TlException e = failure(HEADER + "A\ta.png\t" + SHA_A + "\t1\n" + "A\tb.png\t" + SHA_B + "\t12kB\n");
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("12kB"), e.getMessage());
    }

    @Test
    void aNameWithASlashNamesFileAndLine() throws Exception {
        TlException e = failure(HEADER + "A\tsub/a.png\t" + SHA_A + "\t1\n");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    /** Issue 33: a class named ".." was accepted, and would have written its originals outside the work folder. */
    @Test
    void dotAndDotDotAreNotNames() throws Exception {
        for (String row : new String[] {"..\ta.png", ".\ta.png", "A\t..", "A\tsub\\a.png"}) {
            TlException e = failure(HEADER + row + "\t" + SHA_A + "\t1\n");
            assertTrue(e.getMessage().contains("line 2: class and filename must be non-empty names without '/' or "
                    + "'\\', and not '.' or '..'"), e.getMessage());
        }
    }

    @Test
    void aDuplicateRowNamesFileAndImage() throws Exception {
        TlException e = failure(HEADER + "A\ta.png\t" + SHA_A + "\t1\n" + "B\ta.png\t" + SHA_B + "\t1\n"
                + "A\ta.png\t" + SHA_A + "\t1\n");
        assertTrue(e.getMessage().contains("A/a.png"), e.getMessage());
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void aMissingFileNamesIt() {
        Path missing = tmp.resolve("no-such-manifest.tsv");
        TlException e = assertThrows(TlException.class, () -> ImageTable.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
