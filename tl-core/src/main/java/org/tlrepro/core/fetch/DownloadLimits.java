package org.tlrepro.core.fetch;

import java.time.Duration;

/**
 * The bounds of one download, so that no server can hang a build or fill its disk.
 *
 * @param answer   how long the server may take to answer a request (its status and headers)
 * @param idle     how long the body may stall without a byte arriving
 * @param maxBytes the most a file may hold: a larger announced length is refused before a byte is read, and a body
 *                 that runs past it is cut off and deleted
 */
public record DownloadLimits(Duration answer, Duration idle, long maxBytes) {

    /**
     * A minute to answer or between two reads, and 4 GiB: about twelve times the largest input the reproduction
     * downloads (the NIH archive, 337 MB).
     */
    public static final DownloadLimits DEFAULT = new DownloadLimits(Duration.ofSeconds(60), Duration.ofSeconds(60),
            4L << 30);

    public DownloadLimits {
        if (answer.isNegative() || answer.isZero() || idle.isNegative() || idle.isZero() || maxBytes <= 0) {
            throw new IllegalArgumentException("download limits must be positive: " + answer + ", " + idle + ", "
                    + maxBytes);
        }
    }
}
