package org.tlrepro.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.cluster.ClusterRequest;
import org.tlrepro.core.cluster.ClusterStage;
import org.tlrepro.core.cluster.Linkage;
import org.tlrepro.core.cluster.Metric;
import org.tlrepro.core.embed.EmbedderKind;
import org.tlrepro.core.exec.TaskExecutors;

/**
 * Embeds the prepared images with an ImageNet network, clusters each class hierarchically and writes the
 * source/target subsets of Tables 2 and 3 under <code>${tl.workDir}/cluster</code>. Skipped when up to date;
 * embedding vectors are cached by image and model in <code>${tl.cache}/embeddings</code>.
 * The network ({@code tl.architecture}, {@code <models>}) is fetched only when vectors are missing, and checked
 * against its probe vectors before it embeds anything.
 * <p>Example: {@code mvn tl:cluster -Dtl.inputSize=64 -Dtl.linkage=ward} embeds at 64 px instead of 224 (ResNet50 takes 32
 * or more), a twelfth of the arithmetic.
 */
@Mojo(name = "cluster", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class ClusterMojo extends AbstractInputMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.cluster.skip", defaultValue = "false")
    private boolean clusterSkip;

    /**
     * What runs the embedding network: {@code onednn} (oneDNN called directly, one layout end to end; checked against
     * Deeplearning4j on a probe batch first, and a network it cannot run falls back, saying so) or {@code dl4j}
     * (Deeplearning4j's layers). Part of the embedding cache's key.
     */
    @Parameter(property = "tl.embedder", defaultValue = "onednn")
    private String embedder;

    /** Images per forward pass of the embedding network. */
    @Parameter(property = "tl.embedBatch", defaultValue = "32")
    private int embedBatch;

    /** Linkage: {@code ward}, {@code average}, {@code complete} or {@code single}. */
    @Parameter(property = "tl.linkage", defaultValue = "ward")
    private String linkage;

    /** Distance between embedding vectors: {@code euclidean} or {@code cosine}. */
    @Parameter(property = "tl.metric", defaultValue = "euclidean")
    private String metric;

    @Override
    protected boolean skipGoal() {
        return clusterSkip;
    }

    @Override
    protected void run() {
        new ClusterStage(downloader()).run(new ClusterRequest(layout().prepare(),
                layout().cluster(), embeddingModel(embedBatch, EmbedderKind.parse(embedder)), mirror(), cache.toPath(), Linkage.parse(linkage),
                Metric.parse(metric), force, lockWait()),
                TaskExecutors.forEmbedding(executor, executorSettings(), getClass().getClassLoader()));
    }
}
