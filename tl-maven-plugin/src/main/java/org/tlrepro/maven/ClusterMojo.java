package org.tlrepro.maven;

import java.net.URI;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.cluster.ClusterRequest;
import org.tlrepro.core.cluster.ClusterStage;
import org.tlrepro.core.cluster.Linkage;
import org.tlrepro.core.cluster.Metric;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.train.RunExecutors;

/**
 * Embeds the prepared images with an ImageNet network, clusters each class hierarchically and writes the
 * source/target subsets of Tables 2 and 3 under <code>${tl.workDir}/cluster</code>. Skipped when up to date;
 * embedding vectors are cached by image and model in <code>${tl.cache}/embeddings</code>.
 * <p>Example: {@code mvn tl:cluster -Dtl.inputSize=64 -Dtl.linkage=ward} embeds at 64 px instead of 224 (ResNet50 takes 32
 * or more), a twelfth of the arithmetic.
 */
@Mojo(name = "cluster", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class ClusterMojo extends AbstractExecutorMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.cluster.skip", defaultValue = "false")
    private boolean clusterSkip;

    /** File name of the full Keras model (topology and weights), looked up in the mirror, then the cache. */
    @Parameter(property = "tl.model", defaultValue = "resnet50-imagenet-keras.h5")
    private String model;

    /** SHA-256 of the model file; empty to skip the check (not recommended). */
    @Parameter(property = "tl.modelSha256",
            defaultValue = "606f3755dd48952c5b1d5eb28376ff2c4cc28a78cd28029a1bc64fb51f73356f")
    private String modelSha256;

    /** Where to download the model file when neither the mirror nor the cache has it. */
    @Parameter(property = "tl.modelUrl")
    private String modelUrl;

    /** Name of the network in the report. */
    @Parameter(property = "tl.modelName", defaultValue = "ResNet50 (ImageNet)")
    private String modelName;

    /** Side of the network's square input (ResNet50 224, Inception V3 299). */
    @Parameter(property = "tl.inputSize", defaultValue = "224")
    private int inputSize;

    /** Pixel preprocessing: {@code caffe} (ResNet50) or {@code tf} (Inception V3, inputs in [-1, 1]). */
    @Parameter(property = "tl.preprocessing", defaultValue = "caffe")
    private String preprocessing;

    /** Layer whose activations are the embedding. */
    @Parameter(property = "tl.featureLayer", defaultValue = "avg_pool")
    private String featureLayer;

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
    protected String goal() {
        return "cluster";
    }

    @Override
    protected boolean skipGoal() {
        return clusterSkip;
    }

    @Override
    protected void run() {
        RemoteFile file = new RemoteFile(model, blankToNull(modelSha256),
                modelUrl == null || modelUrl.isBlank() ? null : URI.create(modelUrl.trim()));
        EmbeddingModel embedding = new EmbeddingModel(file, modelName, inputSize, Preprocessing.parse(preprocessing),
                featureLayer, embedBatch);
        new ClusterStage(new HttpDownloader()).run(new ClusterRequest(layout().prepare(),
                layout().cluster(), embedding, pathOrNull(mirror), cache.toPath(), Linkage.parse(linkage),
                Metric.parse(metric), force),
                RunExecutors.createEmbedding(executor, executorSettings(), getClass().getClassLoader()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
