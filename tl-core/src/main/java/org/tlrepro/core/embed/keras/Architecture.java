package org.tlrepro.core.embed.keras;

import java.net.URI;

import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.param.Choices;

/**
 * The ImageNet networks tl can build itself, as Keras Applications 1.0.8 defines them, so that Keras's own
 * weights-only files (which hold no topology) can be used; or {@link #KERAS_MODEL}, a whole Keras model file that
 * brings its own topology.
 */
public enum Architecture {

    /** ResNet50: 224x224, "caffe" preprocessing, 23,587,712 parameters up to {@code avg_pool}. */
    RESNET50("resnet50", "ResNet50 (ImageNet)", 224, Preprocessing.CAFFE,
            new RemoteFile("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5", null,
                    "a268eb855778b3df3c7506639542a6af",
                    URI.create("https://github.com/fchollet/deep-learning-models/releases/download/v0.2/"
                            + "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5")),
            "resnet50-imagenet"),
    /** Inception V3, the paper's network: 299x299, "tf" preprocessing, 21,802,784 parameters up to {@code avg_pool}. */
    INCEPTION_V3("inception_v3", "Inception V3 (ImageNet)", 299, Preprocessing.TF,
            new RemoteFile("inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5", null,
                    "bcbd6486424b2319ff4ef7d526e38f63",
                    URI.create("https://github.com/fchollet/deep-learning-models/releases/download/v0.5/"
                            + "inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5")),
            null),
    /** Any network saved whole with Keras's {@code model.save}: the topology comes from the file. */
    KERAS_MODEL("keras-model", "Keras model", 224, Preprocessing.CAFFE, null, null);

    private final String id;
    private final String displayName;
    private final int inputSize;
    private final Preprocessing preprocessing;
    private final RemoteFile kerasWeights;
    private final String probe;

    Architecture(String id, String displayName, int inputSize, Preprocessing preprocessing, RemoteFile kerasWeights,
                 String probe) {
        this.id = id;
        this.displayName = displayName;
        this.inputSize = inputSize;
        this.preprocessing = preprocessing;
        this.kerasWeights = kerasWeights;
        this.probe = probe;
    }

    /** As {@code tl.architecture} names it. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The input side the network was trained at. */
    public int inputSize() {
        return inputSize;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /**
     * Keras Applications' weights-only file without the classifier (the {@code _notop} one), at the address Keras
     * downloads it from and with the MD5 Keras checks; {@code null} for {@link #KERAS_MODEL}.
     */
    public RemoteFile kerasWeights() {
        return kerasWeights;
    }

    /** Name of the committed probe vectors that identify this network's ImageNet weights, or {@code null}. */
    public String probe() {
        return probe;
    }

    /** Whether tl can build the topology itself (and so read a weights-only file). */
    public boolean buildable() {
        return this != KERAS_MODEL;
    }

    /** The Keras 2.2.4 configuration ({@code model.to_json()}) up to {@code avg_pool}, for a square input. */
    public String topologyJson(int inputSize) {
        return switch (this) {
            case RESNET50 -> ResNet50Topology.json(inputSize);
            case INCEPTION_V3 -> InceptionV3Topology.json(inputSize);
            case KERAS_MODEL -> throw new IllegalStateException("a Keras model file brings its own topology");
        };
    }

    public static Architecture parse(String value) {
        String v = value == null ? "" : value.trim().replace('-', '_');
        return Choices.parse(Architecture.class, v, "tl.architecture",
                "resnet50, inception_v3 (the paper's) or keras-model (a whole Keras model file, any network)");
    }
}
