package org.tlrepro.core.prepare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;

/**
 * The entries of an image archive laid out as the NIH one ({@code .../<class>/<filename>}), matched to the
 * images wanted. Every entry name is checked before anything is extracted: one that would land outside the
 * output folder (zip-slip) fails the whole archive.
 */
public final class ArchiveEntries {

    private ArchiveEntries() {
    }

    /** An archive entry that holds a wanted image. */
    public record Match(ImageRecord image, ZipEntry entry) {
    }

    /** Files in the archive's class folders that the manifest does not list: how many, and the first few. */
    public record Unlisted(int count, List<String> first) {
    }

    /**
     * Opens {@code archive}; the caller closes the returned file.
     */
    public static ZipFile open(Path archive) {
        try {
            return new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new TlException(archive + " is not a complete zip archive (" + e.getMessage()
                    + "): it is truncated or damaged. Delete it (if it is in the cache) and run the build again", e);
        }
    }

    /**
     * Finds the entry of each wanted image. A file of the same class and name that appears twice (the Kaggle
     * copy nests the folders twice) is taken once, the first time.
     *
     * @param root folder the entries would be extracted under, for the zip-slip check
     * @throws TlException naming the entry that escapes {@code root}, or the wanted images the archive lacks
     */
    public static List<Match> match(ZipFile zip, Path archive, Collection<ImageRecord> wanted, Path root) {
        Map<String, ImageRecord> byKey = new LinkedHashMap<>();
        wanted.forEach(r -> byKey.put(r.key(), r));
        Path base = root.toAbsolutePath().normalize();
        Map<String, Match> found = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.startsWith("/") || name.startsWith("\\") || !base.resolve(name).normalize().startsWith(base)) {
                throw new TlException(archive + " holds the entry '" + name + "', which would be written outside "
                        + "the output folder (zip-slip): the archive is unsafe and was not extracted");
            }
            if (entry.isDirectory()) {
                continue;
            }
            String[] parts = name.split("/");
            if (parts.length < 2) {
                continue;
            }
            String key = parts[parts.length - 2] + "/" + parts[parts.length - 1];
            ImageRecord image = byKey.get(key);
            if (image != null && !found.containsKey(key)) {
                found.put(key, new Match(image, entry));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : byKey.keySet()) {
            if (!found.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Collections.sort(missing);
            throw new TlException(archive + " lacks " + missing.size() + " of the " + byKey.size()
                    + " selected images, first " + missing.subList(0, Math.min(5, missing.size()))
                    + ": use an archive that holds the whole sample (the full NIH archive, or the mirror's)");
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The files under a class folder ({@code .../<class>/<filename>}) whose class and name the manifest does not
     * list: they are never extracted, and the log says how many there are (the NIH archive has a Thumbs.db in
     * each class folder).
     *
     * @param listed the manifest's keys, {@code <class>/<filename>}
     */
    public static Unlisted unlisted(ZipFile zip, Set<String> listed) {
        int count = 0;
        List<String> first = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String[] parts = entry.getName().split("/");
            if (entry.isDirectory() || parts.length < 2) {
                continue;
            }
            if (!listed.contains(parts[parts.length - 2] + "/" + parts[parts.length - 1])) {
                count++;
                if (first.size() < 5) {
                    first.add(entry.getName());
                }
            }
        }
        return new Unlisted(count, first);
    }
}
