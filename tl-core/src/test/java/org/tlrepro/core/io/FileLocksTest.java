package org.tlrepro.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;

/** Every wait for a lock has a bound: past it the build fails, naming the lock and the fix. */
class FileLocksTest {

    @TempDir
    Path dir;

    private interface Pause {
        boolean run() throws InterruptedException;
    }

    private static boolean pause(Pause p) {
        try {
            return p.run();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLockHeldLongerThanTheWaitFailsNamingItAndTheSetting() throws Exception {
        Path file = dir.resolve("embeddings.bin");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                FileLocks.withLock(file, Duration.ofMinutes(1), () -> {
                    held.countDown();
                    return pause(() -> release.await(30, TimeUnit.SECONDS));
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        try {
            assertTrue(held.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            TlException e = assertThrows(TlException.class,
                    () -> FileLocks.withLock(file, Duration.ofMillis(600), () -> "never"));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 0.5 && seconds < 10, "waited " + seconds + " s");
            assertTrue(e.getMessage().contains(FileLocks.lockFileOf(file).toString()), e.getMessage());
            assertTrue(e.getMessage().contains("tl.lockWait"), e.getMessage());
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        assertEquals("now", FileLocks.withLock(file, Duration.ofMillis(600), () -> "now"), "free again");
    }

    @Test
    void aWaiterGetsTheLockWhenItIsReleasedInTime() throws Exception {
        Path file = dir.resolve("cell_images.zip.partial");
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                FileLocks.withLock(file, Duration.ofMinutes(1), () -> {
                    held.countDown();
                    return pause(() -> {
                        Thread.sleep(300);
                        return true;
                    });
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        assertEquals("mine", FileLocks.withLock(file, Duration.ofSeconds(20), () -> "mine"));
        holder.join(10_000);
    }
}
