package org.tlrepro.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive work on a shared file, between builds (an OS file lock on a {@code .lock} file beside it) and between
 * threads of one JVM (which OS locks do not separate: the JVM holds them, and a second overlapping lock throws).
 */
public final class FileLocks {

    private static final Logger LOG = LoggerFactory.getLogger(FileLocks.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    /** Work done under the lock. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run() throws IOException;
    }

    private FileLocks() {
    }

    /** The lock file of {@code file}: beside it, so that one cache folder holds both. */
    public static Path lockFileOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /** Runs {@code work} if the lock of {@code file} is free now; empty (nothing run) if another build holds it. */
    public static <T> java.util.Optional<T> tryWithLock(Path file, LockedWork<T> work) throws IOException {
        Path lockFile = lockFileOf(file);
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile, k -> new ReentrantLock());
        if (!local.tryLock()) {
            return java.util.Optional.empty();
        }
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    return java.util.Optional.empty();
                }
                try {
                    return java.util.Optional.ofNullable(work.run());
                } finally {
                    lock.release();
                }
            }
        } finally {
            local.unlock();
        }
    }

    /** Runs {@code work} while holding the lock of {@code file}, waiting (and saying so) while another build has it. */
    public static <T> T withLock(Path file, LockedWork<T> work) throws IOException {
        Path lockFile = lockFileOf(file);
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    LOG.info("Waiting for {}: another build is writing {}", lockFile, file.getFileName());
                    lock = ch.lock();
                }
                try {
                    return work.run();
                } finally {
                    lock.release();
                }
            }
        } finally {
            local.unlock();
        }
    }
}
