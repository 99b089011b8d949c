package org.tlrepro.core.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;

/**
 * Original images laid out as the NIH archive is, {@code .../<class>/<filename>}: a zip archive or a folder of
 * class folders. {@code tl:prepare} reads the images a manifest lists from it; {@code tl:manifest} lists all of it.
 */
public interface ImageSource extends AutoCloseable {

    /** Reads one file's bytes. */
    @FunctionalInterface
    interface Reader {
        byte[] read() throws IOException;
    }

    /**
     * A file in a class folder.
     *
     * @param where the file as the user would find it, for messages ({@code cell_images.zip!/...} or a path)
     */
    record Entry(String className, String filename, String where, Reader reader) {

        public String key() {
            return className + "/" + filename;
        }
    }

    /** A wanted image and the entry that holds it. */
    record Located(ImageRecord image, Entry entry) {
    }

    /** Files in the class folders that the manifest does not list: how many, and the first few. */
    record Unlisted(int count, List<String> first) {
    }

    /** Opens a folder of class folders, or a zip archive of them. */
    static ImageSource open(Path path) {
        return Files.isDirectory(path) ? new FolderImageSource(path) : ZipImageSource.open(path);
    }

    /** The archive or folder, for messages. */
    Path path();

    /**
     * Every file under a class folder, in a stable order; a class and file name seen twice (the Kaggle copy nests
     * the folders twice) is taken once, the first time.
     */
    List<Entry> entries();

    /** The names of the class folders, also of those without any file. */
    List<String> classFolders();

    @Override
    void close();

    /**
     * The entry of each wanted image.
     *
     * @throws TlException naming the wanted images the source lacks
     */
    default List<Located> locate(Collection<ImageRecord> wanted) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry e : entries()) {
            byKey.putIfAbsent(e.key(), e);
        }
        List<Located> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ImageRecord r : wanted) {
            Entry e = byKey.get(r.key());
            if (e == null) {
                missing.add(r.key());
            } else {
                found.add(new Located(r, e));
            }
        }
        if (!missing.isEmpty()) {
            Collections.sort(missing);
            throw new TlException(path() + " lacks " + missing.size() + " of the " + wanted.size()
                    + " selected images, first " + missing.subList(0, Math.min(5, missing.size()))
                    + ": use an archive or folder that holds the whole sample (the full NIH archive, or the mirror's)");
        }
        return found;
    }

    /**
     * The files whose class and name the manifest does not list: never read, and the log says how many there are
     * (the NIH archive has a Thumbs.db in each class folder).
     *
     * @param listed the manifest's keys, {@code <class>/<filename>}
     */
    default Unlisted unlisted(Set<String> listed) {
        int count = 0;
        List<String> first = new ArrayList<>();
        for (Entry e : entries()) {
            if (!listed.contains(e.key())) {
                count++;
                if (first.size() < 5) {
                    first.add(e.where());
                }
            }
        }
        return new Unlisted(count, first);
    }
}
