package org.tlrepro.core.prepare;

import java.nio.file.Path;

/**
 * Everything {@link ManifestStage} needs.
 *
 * @param images     a folder of class folders, or a zip archive of them
 * @param manifest   where the manifest of every image goes (the file {@code tl:prepare} then verifies against)
 * @param sampleList where the sample list goes, or {@code null} for none
 * @param perClass   images per class in the sample list, drawn with {@code seed}; {@code null}: every image
 * @param seed       seed of that draw
 * @param threads    hashing and decoding threads
 * @param force      replace a manifest or sample list that differs from what the images give
 */
public record ManifestRequest(Path images, Path manifest, Path sampleList, Integer perClass, long seed, int threads,
                              boolean force) {
}
