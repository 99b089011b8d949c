package org.tlrepro.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;

/**
 * Exclusive work on a shared file, between builds (an OS file lock on a {@code .lock} file beside it) and between
 * threads of one JVM (which OS locks do not separate: the JVM holds them, and a second overlapping lock throws).
 */
public final class FileLocks {

    private static final Logger LOG = LoggerFactory.getLogger(FileLocks.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    /** How long a build waits for another by default ({@code tl.lockWait}): longer than any one stage takes here. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(240);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

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

    /**
     * Runs {@code work} while holding the lock of {@code file}, waiting (and saying so) while another build, or
     * another thread of this one, has it, but no longer than {@code maxWait}.
     *
     * @throws TlException naming the lock file, the wait and the fix when it was held longer than {@code maxWait}
     */
    public static <T> T withLock(Path file, Duration maxWait, LockedWork<T> work) throws IOException {
        Path lockFile = lockFileOf(file);
        long deadline = System.nanoTime() + maxWait.toNanos();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile, k -> new ReentrantLock());
        try {
            if (!local.tryLock()) {
                LOG.info("Waiting for {}: another thread of this build is writing {} (at most {} min)", lockFile,
                        file.getFileName(), maxWait.toMinutes());
                if (!local.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw heldTooLong(lockFile, file, maxWait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlException("interrupted while waiting for " + lockFile, e);
        }
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    LOG.info("Waiting for {}: another build is writing {} (at most {} min)", lockFile,
                            file.getFileName(), maxWait.toMinutes());
                    lock = waitFor(ch, deadline, lockFile, file, maxWait);
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

    private static FileLock waitFor(FileChannel ch, long deadline, Path lockFile, Path file, Duration maxWait)
            throws IOException {
        long start = System.nanoTime();
        long lastLog = start;
        while (true) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return lock;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                throw heldTooLong(lockFile, file, maxWait);
            }
            if (now - lastLog >= LOG_EVERY.toNanos()) {
                lastLog = now;
                LOG.info("Still waiting for {} ({} min so far, at most {})", lockFile,
                        Duration.ofNanos(now - start).toMinutes(), maxWait.toMinutes());
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), (deadline - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TlException("interrupted while waiting for " + lockFile, e);
            }
        }
    }

    private static TlException heldTooLong(Path lockFile, Path file, Duration maxWait) {
        return new TlException("another build has held " + lockFile + " for more than " + describe(maxWait)
                + " while writing " + file.getFileName() + ": let that build finish (or stop it) and run this one "
                + "again, or wait longer with -Dtl.lockWait=<minutes>. A lock is released when the build that holds "
                + "it ends, however it ends, so only a running or hung build holds it");
    }

    private static String describe(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toMillis() / 1000.0 + " s";
    }
}
