package org.tlrepro.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Sha256;

/**
 * A list of images in the manifest's TSV form ({@code class, filename, sha256, size_bytes} with a header line):
 * the manifest of all originals, or a sample drawn from it.
 */
public final class ImageTable {

    static final List<String> COLUMNS = List.of("class", "filename", "sha256", "size_bytes");

    private final Path source;
    private final List<ImageRecord> records;
    private final Map<String, ImageRecord> byKey;

    private ImageTable(Path source, List<ImageRecord> records) {
        this.source = source;
        this.records = List.copyOf(records);
        this.byKey = new LinkedHashMap<>();
        for (ImageRecord r : records) {
            if (byKey.putIfAbsent(r.key(), r) != null) {
                throw new TlException(source + ": " + r.key() + " is listed twice; each image must appear once");
            }
        }
    }

    public static ImageTable of(Path source, List<ImageRecord> records) {
        return new ImageTable(source, records);
    }

    /** Reads and checks a table; every malformed line is an error naming the file and line. */
    public static ImageTable read(Path file) {
        List<ImageRecord> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !List.of(header.split("\t", -1)).equals(COLUMNS)) {
                throw new TlException(file + ": the first line must be the header '" + String.join("\\t", COLUMNS)
                        + "' but is '" + header + "'");
            }
            int lineNo = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (!line.isBlank()) {
                    records.add(parse(file, lineNo, line));
                }
            }
        } catch (NoSuchFileException e) {
            throw new TlException(file + " does not exist: point the parameter at the image list (a TSV with columns "
                    + String.join(", ", COLUMNS) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ImageTable(file, records);
    }

    /** A name that stays inside its folder when used as a path element. */
    private static boolean plainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
                && !name.contains("\\");
    }

    private static ImageRecord parse(Path file, int lineNo, String line) {
        String[] f = line.split("\t", -1);
        String where = file + " line " + lineNo + ": ";
        if (f.length != COLUMNS.size()) {
            throw new TlException(where + "expected " + COLUMNS.size() + " tab-separated columns, found " + f.length);
        }
        if (!plainName(f[0]) || !plainName(f[1])) {
            throw new TlException(where + "class and filename must be non-empty names without '/' or '\\', and "
                    + "not '.' or '..' (found '" + f[0] + "' and '" + f[1] + "')");
        }
        if (!Sha256.isHex(f[2])) {
            throw new TlException(where + "'" + f[2] + "' is not a SHA-256 (64 lower-case hex digits)");
        }
        long size;
        try {
            size = Long.parseLong(f[3]);
        } catch (NumberFormatException e) {
            throw new TlException(where + "size_bytes '" + f[3] + "' is not a whole number");
        }
        return new ImageRecord(f[0], f[1], f[2], size);
    }

    /** Writes the table in the same TSV form. */
    public String toTsv() {
        StringBuilder out = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (ImageRecord r : records) {
            out.append(r.className()).append('\t').append(r.filename()).append('\t')
                    .append(r.sha256()).append('\t').append(r.sizeBytes()).append('\n');
        }
        return out.toString();
    }

    public Path source() {
        return source;
    }

    public List<ImageRecord> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    public Optional<ImageRecord> find(String className, String filename) {
        return Optional.ofNullable(byKey.get(className + "/" + filename));
    }

    /** Class names, sorted: the label of a class is its position here. */
    public SortedSet<String> classes() {
        SortedSet<String> classes = new TreeSet<>();
        records.forEach(r -> classes.add(r.className()));
        return Collections.unmodifiableSortedSet(classes);
    }

    /** The records of one class, in table order. */
    public List<ImageRecord> ofClass(String className) {
        return records.stream().filter(r -> r.className().equals(className)).toList();
    }
}
