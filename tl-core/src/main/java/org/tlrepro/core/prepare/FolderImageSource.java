package org.tlrepro.core.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;

/**
 * A folder of class folders, {@code <folder>/<class>/<filename>}: the user's own images, before or instead of an
 * archive. Hidden files and folders (a leading dot) are not images and are left out; symbolic links are followed,
 * and named in the log.
 */
public final class FolderImageSource implements ImageSource {

    private static final Logger LOG = LoggerFactory.getLogger(FolderImageSource.class);

    private final Path root;
    private final List<String> classFolders = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    public FolderImageSource(Path root) {
        this.root = root;
        if (!Files.isDirectory(root)) {
            throw new TlException(root + " is not a folder: point tl.images at a folder with one subfolder per class");
        }
        List<String> links = new ArrayList<>();
        try (Stream<Path> classes = Files.list(root)) {
            for (Path c : classes.filter(Files::isDirectory).filter(p -> !hidden(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String className = c.getFileName().toString();
                classFolders.add(className);
                if (Files.isSymbolicLink(c)) {
                    links.add(className + "/ -> " + Files.readSymbolicLink(c));
                }
                try (Stream<Path> files = Files.list(c)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(p -> !hidden(p))
                            .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                        if (Files.isSymbolicLink(f)) {
                            links.add(className + "/" + f.getFileName() + " -> " + Files.readSymbolicLink(f));
                        }
                        entries.add(new Entry(className, f.getFileName().toString(), f.toString(),
                                () -> Files.readAllBytes(f)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        if (!links.isEmpty()) {
            // followed, as a user who links a data set in would expect, but never silently
            LOG.info("{} holds {} symbolic link(s), followed: {}{}", root, links.size(),
                    String.join(", ", links.subList(0, Math.min(5, links.size()))), links.size() > 5 ? ", ..." : "");
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    @Override
    public Path path() {
        return root;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public List<String> classFolders() {
        return List.copyOf(classFolders);
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
