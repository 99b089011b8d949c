package org.tlrepro.core.prepare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tlrepro.core.TlException;

/**
 * The rows of {@code index.tsv}: row {@code i} describes image {@code i} of {@code images.npy}.
 * Labels are the positions of the class names in sorted order.
 */
public record PreparedIndex(List<Row> rows) {

    static final String HEADER = "index\tlabel\tclass\tfilename\tsha256";

    /** One prepared image. */
    public record Row(int index, int label, String className, String filename, String sha256) {
    }

    public String toTsv() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            out.append(r.index()).append('\t').append(r.label()).append('\t').append(r.className()).append('\t')
                    .append(r.filename()).append('\t').append(r.sha256()).append('\n');
        }
        return out.toString();
    }

    public static PreparedIndex read(Path file) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                throw new TlException(file + " is not an index written by tl:prepare; run tl:prepare again");
            }
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                rows.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new PreparedIndex(List.copyOf(rows));
    }
}
