package org.tlrepro.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results are never half-written: everything is written beside its final place and renamed into it, so a
 * killed build leaves either the old complete result or the new one.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} through a temporary file in the same folder. */
    public static void write(Path target, byte[] content) {
        try {
            Path tmp = temporarySibling(target, ".tmp");
            Files.createDirectories(tmp.getParent());
            try {
                Files.write(tmp, content);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Renames {@code source} onto {@code target}, atomically where the file system allows it. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Makes a complete staging folder the final one. The old final folder is first renamed aside, so at every
     * moment one complete version exists under a known name.
     */
    public static void replaceDirectory(Path staging, Path target) {
        Path old = target.resolveSibling(target.getFileName() + ".old");
        try {
            deleteRecursively(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
        }
    }

    /**
     * A unique name beside {@code target}. Not {@code Files.createTemp*}: those make owner-only files, and results
     * should get the same permissions as any other file the build writes.
     */
    public static Path temporarySibling(Path target, String suffix) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + suffix);
    }

    /**
     * A fresh, empty staging folder beside {@code target}, named with this process's id; first removes the staging
     * folders that builds no longer running left there (a build killed in {@code tl:prepare}).
     */
    public static Path stagingDirectory(Path target) {
        removeStaleStaging(target);
        Path absolute = target.toAbsolutePath();
        Path staging = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + UUID.randomUUID() + ".staging");
        try {
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + target, e);
        }
    }

    /**
     * Deletes the staging folders beside {@code target} whose build is gone: named with the id of a process that
     * no longer runs, or (from tl before that) with no id.
     *
     * @return how many were deleted
     */
    public static int removeStaleStaging(Path target) {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return 0;
        }
        Pattern own = Pattern.compile("\\." + Pattern.quote(absolute.getFileName().toString())
                + "\\.(?:(\\d+)\\.)?[0-9a-f-]{36}\\.staging");
        int removed = 0;
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                Matcher m = own.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p)) {
                    continue;
                }
                boolean running = m.group(1) != null
                        && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
                if (!running) {
                    deleteRecursively(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
        if (removed > 0) {
            LOG.info("Removed {} staging folder(s) that a killed build left beside {}", removed, absolute);
        }
        return removed;
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
