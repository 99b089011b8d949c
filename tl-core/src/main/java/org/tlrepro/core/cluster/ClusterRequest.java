package org.tlrepro.core.cluster;

import java.nio.file.Path;
import java.time.Duration;

import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.io.FileLocks;

/**
 * Everything {@link ClusterStage} needs.
 *
 * @param preparedDir    output of {@code tl:prepare}
 * @param outputDir      where the clustering goes
 * @param model          the embedding network
 * @param mirror         read-only folder searched first for the model file, or {@code null}
 * @param cache          cache folder for the model file and the embedding vectors
 * @param linkage        linkage of the hierarchical clustering
 * @param metric         distance between embedding vectors
 * @param force          recompute even if the output is up to date
 * @param lockWait       how long to wait for another build that shares the cache and embeds with the same model,
 *                       or downloads it
 */
public record ClusterRequest(Path preparedDir, Path outputDir, EmbeddingModel model, Path mirror, Path cache,
                             Linkage linkage, Metric metric, boolean force, Duration lockWait) {

    /** With the default wait for other builds ({@link FileLocks#DEFAULT_WAIT}). */
    public ClusterRequest(Path preparedDir, Path outputDir, EmbeddingModel model, Path mirror, Path cache,
                          Linkage linkage, Metric metric, boolean force) {
        this(preparedDir, outputDir, model, mirror, cache, linkage, metric, force, FileLocks.DEFAULT_WAIT);
    }
}
