package org.tlrepro.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ProgressTest {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressTest.class);
    private static final long TEN_SECONDS = Duration.ofSeconds(10).toNanos();

    @Test
    void aLineHasCountPercentageRateAndEta() {
        Progress progress = new Progress(LOG, "Resizing images", 200, "images");
        String line = progress.line(50, System.nanoTime() + TEN_SECONDS);
        assertTrue(line.startsWith("Resizing images: 50 images of 200 images (25%), "), line);
        assertTrue(line.matches(".*, [0-9.]+ images/s, ETA \\d+:\\d{2}:\\d{2}"), line);
    }

    @Test
    void bytesAreCountedInMegabytes() {
        Progress progress = new Progress(LOG, "Downloading x.zip", 400_000_000, "bytes");
        String line = progress.line(100_000_000, System.nanoTime() + TEN_SECONDS);
        assertTrue(line.startsWith("Downloading x.zip: 100.0 MB of 400.0 MB (25%), "), line);
        assertTrue(line.matches(".*, [0-9.]+ MB/s, ETA \\d+:\\d{2}:\\d{2}"), line);
    }

    @Test
    void anUnknownTotalHasNeitherPercentageNorEta() {
        Progress progress = new Progress(LOG, "Downloading x.zip", -1, "bytes");
        String line = progress.line(2_500_000, System.nanoTime() + TEN_SECONDS);
        assertTrue(line.startsWith("Downloading x.zip: 2.5 MB, "), line);
        assertFalse(line.contains("%"), line);
        assertFalse(line.contains("ETA"), line);
    }

    @Test
    void nothingDoneYetHasNoEta() {
        String line = new Progress(LOG, "Work", 10, "items").line(0, System.nanoTime() + TEN_SECONDS);
        assertTrue(line.contains("0 items of 10 items (0%)"), line);
        assertFalse(line.contains("ETA"), line);
    }

    @Test
    void anEmptyTotalIsComplete() {
        String line = new Progress(LOG, "Work", 0, "items").line(0, System.nanoTime() + TEN_SECONDS);
        assertTrue(line.contains("(100%)"), line);
    }

    @Test
    void clockShowsHoursMinutesSeconds() {
        assertEquals("1:02:05", Progress.clock(3725));
        assertEquals("0:00:00", Progress.clock(0));
        assertEquals("0:00:59", Progress.clock(59));
        assertEquals("0:01:00", Progress.clock(60));
        assertEquals("27:46:40", Progress.clock(100_000));
    }
}
