package org.tlrepro.core.fetch;

import java.time.Duration;

import org.tlrepro.core.io.FileLocks;

/**
 * The bounds of one download, so that no server can hang a build or fill its disk.
 *
 * @param answer   how long the server may take to answer a request (its status and headers)
 * @param idle     how long the body may stall without a byte arriving
 * @param maxBytes the most a file may hold: a larger announced length is refused before a byte is read, and a body
 *                 that runs past it is cut off and deleted
 * @param lockWait how long to wait for another build that is downloading the same file into the shared cache
 */
public record DownloadLimits(Duration answer, Duration idle, long maxBytes, Duration lockWait) {

    /**
     * A minute to answer or between two reads, and 4 GiB: about twelve times the largest input the reproduction
     * downloads (the NIH archive, 337 MB).
     */
    public static final DownloadLimits DEFAULT = new DownloadLimits(Duration.ofSeconds(60), Duration.ofSeconds(60),
            4L << 30);

    /** With the default wait for another build's download ({@link FileLocks#DEFAULT_WAIT}). */
    public DownloadLimits(Duration answer, Duration idle, long maxBytes) {
        this(answer, idle, maxBytes, FileLocks.DEFAULT_WAIT);
    }

    public DownloadLimits {
        if (answer.isNegative() || answer.isZero() || idle.isNegative() || idle.isZero() || maxBytes <= 0
                || lockWait.isNegative() || lockWait.isZero()) {
            throw new IllegalArgumentException("download limits must be positive: " + answer + ", " + idle + ", "
                    + maxBytes + ", " + lockWait);
        }
    }
}
