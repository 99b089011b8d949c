package org.tlrepro.core.prepare;

import java.nio.file.Path;
import java.util.List;

import org.tlrepro.core.fetch.InputCheck;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.param.NumericSettings;

/**
 * Everything {@link PrepareStage} needs.
 *
 * @param manifest   TSV of all original images (class, filename, sha256, size_bytes)
 * @param sampleList TSV of the images to use, or {@code null} to draw {@code perClass} per class from the manifest
 * @param perClass   images per class to draw (from the sample list, if given), or {@code null} for the whole list
 * @param seed       seed of that draw
 * @param imageSize  side of the square images the network sees (the paper: 50)
 * @param archives   archives that hold the originals, tried in order (mirror and cache first, then URLs)
 * @param mirror     read-only folder of files by name, or {@code null}
 * @param cache      cache folder for downloads, or {@code null}
 * @param outputDir  where the prepared data set goes
 * @param force      recompute even if the output is up to date
 * @param threads    decoding threads
 * @param images     the user's folder of class folders, or archive of them, read instead of {@code archives}; or
 *                   {@code null}
 * @param laterInputs what later goals will fetch (the embedding network), checked with the archives before any
 *                   download, so that a build that cannot finish fails first
 */
public record PrepareRequest(Path manifest, Path sampleList, Integer perClass, long seed, int imageSize,
                             List<RemoteFile> archives, Path mirror, Path cache, Path outputDir, boolean force,
                             int threads, Path images, List<InputCheck.Requirement> laterInputs) {

    /** The paper's way: the images come from {@code archives}. */
    public PrepareRequest(Path manifest, Path sampleList, Integer perClass, long seed, int imageSize,
                          List<RemoteFile> archives, Path mirror, Path cache, Path outputDir, boolean force,
                          int threads) {
        this(manifest, sampleList, perClass, seed, imageSize, archives, mirror, cache, outputDir, force, threads, null,
                List.of());
    }

    public PrepareRequest {
        archives = List.copyOf(archives);
        laterInputs = List.copyOf(laterInputs);
        NumericSettings.require("tl.imageSize", imageSize);
        NumericSettings.require("tl.threads", threads);
    }
}
