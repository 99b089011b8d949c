package org.tlrepro.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.tlrepro.core.TlException;
import org.tlrepro.core.embed.EmbedderKind;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.fetch.DownloadLimits;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.NetworkSettings;
import org.tlrepro.core.fetch.ProxySetting;
import org.tlrepro.core.fetch.RemoteFile;

/**
 * The parameters of the goals that fetch inputs (tl:manifest, tl:prepare, tl:cluster): the mirror, the embedding
 * network and its files, the download limits and Maven's network settings, and the decoding threads. tl:train, which
 * reads only what they wrote, does not show them.
 */
public abstract class AbstractInputMojo extends AbstractExecutorMojo {

    /**
     * Read-only folder searched first, by file name, for archives and models (verified by SHA-256 and/or MD5 where
     * the checksum is known). Nothing is ever written there. Empty ({@code -Dtl.mirror=}) means none.
     */
    @Parameter(property = "tl.mirror")
    protected File mirror;

    /**
     * The embedding network of {@code tl:cluster}: {@code resnet50}, {@code inception_v3} (the paper's) or
     * {@code keras-model}. For the first two tl builds the network itself, as Keras Applications 1.0.8 defines it,
     * so that Keras's weights-only files can be used, and checks every file offered for it against the committed
     * probe vectors of its ImageNet weights (ResNet50); {@code keras-model} takes any whole Keras model file, whose
     * topology it imports, with no probe. Also sets the defaults of {@code tl.inputSize}, {@code tl.preprocessing}
     * and {@code tl.modelName}. (Declared for every stage goal, so that the first goal of a build checks that the
     * network can be had before anything is downloaded.)
     */
    @Parameter(property = "tl.architecture", defaultValue = "resnet50")
    protected String architecture;

    /**
     * The files that hold the embedding network, in order of preference, each a <code>&lt;model&gt;</code> with a
     * <code>&lt;name&gt;</code> and optionally <code>&lt;sha256&gt;</code>, <code>&lt;md5&gt;</code> and
     * <code>&lt;url&gt;</code>: whole Keras model files or weights-only files of {@code tl.architecture}. All are
     * looked for by name in the mirror, then in the cache, before the first with a URL is downloaded. Default:
     * Keras Applications' published weights file of {@code tl.architecture}, at its URL, with Keras's MD5.
     */
    @Parameter
    protected List<ModelFile> models;

    /**
     * One model file by name, used instead of {@code <models>} when set (so {@code -Dtl.model=...} overrides the
     * POM's list), with {@code tl.modelSha256}, {@code tl.modelMd5} and {@code tl.modelUrl}.
     */
    @Parameter(property = "tl.model")
    protected String model;

    /** SHA-256 of {@code tl.model}; empty for none. */
    @Parameter(property = "tl.modelSha256")
    protected String modelSha256;

    /** MD5 of {@code tl.model} (what Keras publishes for its weight files); empty for none. */
    @Parameter(property = "tl.modelMd5")
    protected String modelMd5;

    /** Where to download {@code tl.model} when neither the mirror nor the cache has it. */
    @Parameter(property = "tl.modelUrl")
    protected String modelUrl;

    /** Name of the network in the report; default: that of {@code tl.architecture}, e.g. "ResNet50 (ImageNet)". */
    @Parameter(property = "tl.modelName")
    protected String modelName;

    /** Side of the network's square input; default: {@code tl.architecture}'s (ResNet50 224, Inception V3 299). */
    @Parameter(property = "tl.inputSize")
    protected Integer inputSize;

    /**
     * Pixel preprocessing: {@code caffe} (ResNet50) or {@code tf} (Inception V3, inputs in [-1, 1]); default:
     * {@code tl.architecture}'s.
     */
    @Parameter(property = "tl.preprocessing")
    protected String preprocessing;

    /** Layer whose activations are the embedding. */
    @Parameter(property = "tl.featureLayer", defaultValue = "avg_pool")
    protected String featureLayer;

    /**
     * Seconds a download may wait for the server to answer, and then for each next byte of the body; past it the
     * download fails, naming the URL (the bytes received are kept and resumed by the next build).
     */
    @Parameter(property = "tl.downloadTimeout", defaultValue = "60")
    protected int downloadTimeout;

    /**
     * The most bytes a downloaded file may hold: a larger announced length is refused, a longer body cut off and
     * deleted. Default 4 GiB, about twelve times the NIH archive.
     */
    @Parameter(property = "tl.downloadMaxBytes", defaultValue = "4294967296")
    protected long downloadMaxBytes;

    /**
     * Minutes a build waits for another that shares the cache and is downloading the same file or embedding with
     * the same model (it then reuses that build's result); past it the build fails, naming the lock file. A lock is
     * released when its build ends, however it ends.
     */
    @Parameter(property = "tl.lockWait", defaultValue = "240")
    protected int lockWait;

    /** Worker threads for parallel work such as image decoding. */
    @Parameter(property = "tl.threads", defaultValue = "2")
    protected int threads;

    // Maven's offline mode (-o) and the proxies of settings.xml, which every download honours
    @Parameter(defaultValue = "${session.offline}", readonly = true)
    private boolean offline;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    /** Checks the embedding network's configuration (architecture, preprocessing, file list) before any work. */
    @Override
    protected void checkBeforeWork() {
        embeddingModel(1);
    }

    /** The mirror folder, or {@code null} when unset (or set empty: {@code -Dtl.mirror=}). */
    protected Path mirror() {
        return pathOrNull(unsetIfEmpty(mirror));
    }

    /**
     * The embedding network as configured, checked (architecture, preprocessing, file list) before any work.
     *
     * @param batchSize images per forward pass
     */
    protected EmbeddingModel embeddingModel(int batchSize) {
        return embeddingModel(batchSize, EmbedderKind.ONEDNN);
    }

    /** As {@link #embeddingModel(int)}, run by {@code embedder}. */
    protected EmbeddingModel embeddingModel(int batchSize, EmbedderKind embedder) {
        Architecture arch = Architecture.parse(architecture == null ? "resnet50" : architecture);
        return new EmbeddingModel(modelFiles(arch), arch, modelName == null || modelName.isBlank()
                ? arch.displayName() : modelName.trim(), inputSize == null ? arch.inputSize() : inputSize,
                preprocessing == null || preprocessing.isBlank() ? arch.preprocessing()
                        : Preprocessing.parse(preprocessing), featureLayer, batchSize, embedder);
    }

    private List<RemoteFile> modelFiles(Architecture arch) {
        if (model != null && !model.isBlank()) {
            return List.of(ModelFile.ofProperties(model, modelSha256, modelMd5, modelUrl).toRemoteFile());
        }
        if (models != null && !models.isEmpty()) {
            return models.stream().map(ModelFile::toRemoteFile).toList();
        }
        if (arch.kerasWeights() == null) {
            throw new TlException("tl.architecture is " + arch.id() + ", which takes a whole Keras model file: name "
                    + "it with tl.model (or list files in <models>)");
        }
        return List.of(arch.kerasWeights());
    }

    /** {@code tl.lockWait} as a duration. */
    protected Duration lockWait() {
        return Duration.ofMinutes(lockWait);
    }

    /** A downloader with Maven's network settings and the download limits of tl.downloadTimeout/MaxBytes. */
    protected HttpDownloader downloader() {
        return new HttpDownloader(network(), new DownloadLimits(Duration.ofSeconds(downloadTimeout),
                Duration.ofSeconds(downloadTimeout), downloadMaxBytes, lockWait()));
    }

    /** Offline or not, and the active proxies of settings.xml with their passwords decrypted. */
    protected NetworkSettings network() {
        List<ProxySetting> proxies = new ArrayList<>();
        if (settings != null) {
            List<Proxy> active = settings.getProxies().stream().filter(Proxy::isActive).toList();
            if (!active.isEmpty() && settingsDecrypter != null) {
                SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(
                        new DefaultSettingsDecryptionRequest().setProxies(active));
                decrypted.getProblems().forEach(p -> getLog().warn("settings.xml: " + p.getMessage()));
                active = decrypted.getProxies();
            }
            for (Proxy p : active) {
                proxies.add(new ProxySetting(p.getProtocol(), p.getHost(), p.getPort(), p.getUsername(),
                        p.getPassword(), p.getNonProxyHosts()));
            }
        }
        if (!proxies.isEmpty()) {
            getLog().debug("Proxies of settings.xml: " + proxies.stream().map(ProxySetting::describe).toList());
        }
        return new NetworkSettings(offline, proxies);
    }
}
