package org.tlrepro.core.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.tlrepro.core.TlException;

/**
 * A zip archive laid out as the NIH one ({@code cell_images/<class>/<filename>}). Every entry name is checked when
 * the archive is opened: one that would land outside a folder it is extracted under (zip-slip) fails the whole
 * archive, before anything is read.
 */
public final class ZipImageSource implements ImageSource {

    private final Path path;
    private final ZipFile zip;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> classFolders = new LinkedHashSet<>();

    private ZipImageSource(Path path, ZipFile zip) {
        this.path = path;
        this.zip = zip;
        scan();
    }

    /** Opens {@code archive}; the caller closes it. */
    public static ZipImageSource open(Path archive) {
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new TlException(archive + " is not a complete zip archive (" + e.getMessage()
                    + "): it is truncated, damaged or missing. Delete it (if it is in the cache) and run the build again",
                    e);
        }
        try {
            return new ZipImageSource(archive, zip);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private void scan() {
        Path base = Path.of("/extract").toAbsolutePath().normalize();
        Map<String, Entry> byKey = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName();
            if (name.startsWith("/") || name.startsWith("\\") || !base.resolve(name).normalize().startsWith(base)) {
                throw new TlException(path + " holds the entry '" + name + "', which would be written outside "
                        + "the output folder (zip-slip): the archive is unsafe and was not extracted");
            }
            String[] parts = name.split("/");
            if (java.util.Arrays.stream(parts).anyMatch(p -> p.equals(".") || p.equals(".."))) {
                throw new TlException(path + " holds the entry '" + name + "', whose path has a '.' or '..' "
                        + "folder: a class cannot be named so; repack the archive with plain folder names");
            }
            if (entry.isDirectory()) {
                if (parts.length >= 2) {
                    classFolders.add(parts[parts.length - 1]);
                }
                continue;
            }
            if (parts.length < 2) {
                continue;
            }
            String className = parts[parts.length - 2];
            classFolders.add(className);
            Entry e = new Entry(className, parts[parts.length - 1], path.getFileName() + "!/" + name,
                    () -> read(entry));
            byKey.putIfAbsent(e.key(), e);
        }
        entries.addAll(byKey.values());
    }

    private byte[] read(ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("cannot be read from the archive (" + e.getMessage()
                    + "): the archive is truncated or damaged", e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The folders that hold files, and the directory entries one level below the archive's root folder. A zip
     * need not list its folders, so an empty class folder is found only when it does.
     */
    @Override
    public List<String> classFolders() {
        return List.copyOf(classFolders);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // the scan's error is the one to report
        }
    }
}
