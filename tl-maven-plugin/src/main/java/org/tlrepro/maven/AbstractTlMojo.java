package org.tlrepro.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.tlrepro.core.TlException;
import org.tlrepro.core.WorkLayout;
import org.tlrepro.core.embed.EmbedderKind;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.fetch.DownloadLimits;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.NetworkSettings;
import org.tlrepro.core.fetch.ProxySetting;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.results.Gates;
import org.tlrepro.core.results.Rule;
import org.tlrepro.core.settings.ResourceErrors;
import org.tlrepro.core.settings.SettingRanges;
import org.tlrepro.core.train.RunExecutors;

/**
 * Parameters every tl goal shares, and the translation of tl-core's errors into build failures.
 * Subclasses only map their parameters onto a tl-core call.
 */
public abstract class AbstractTlMojo extends AbstractMojo {

    /** Skips every tl goal. */
    @Parameter(property = "tl.skip", defaultValue = "false")
    protected boolean skip;

    /** Recomputes a stage even when its output is up to date. */
    @Parameter(property = "tl.force", defaultValue = "false")
    protected boolean force;

    /** Folder of all tl outputs; each goal writes a subfolder. */
    @Parameter(property = "tl.workDir", defaultValue = "${project.build.directory}/tl")
    protected File workDir;

    /**
     * Read-only folder searched first, by file name, for archives and models (verified by SHA-256 and/or MD5 where
     * the checksum is known). Nothing is ever written there. Empty ({@code -Dtl.mirror=}) means none.
     */
    @Parameter(property = "tl.mirror")
    protected File mirror;

    // the project folder, which is also how Maven reads an empty value (-Dtl.mirror=, <tl.baseline/>) of a File
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    /**
     * Writable cache shared by builds and clones: downloaded archives and models (searched after the mirror),
     * embedding vectors and finished runs.
     */
    @Parameter(property = "tl.cache", defaultValue = "${user.home}/.cache/tl")
    protected File cache;

    /**
     * The embedding network of {@code tl:cluster}: {@code resnet50}, {@code inception_v3} (the paper's) or
     * {@code keras-model}. For the first two tl builds the network itself, as Keras Applications 1.0.8 defines it,
     * so that Keras's weights-only files can be used, and checks every file offered for it against the committed
     * probe vectors of its ImageNet weights (ResNet50); {@code keras-model} takes any whole Keras model file, whose
     * topology it imports, with no probe. Also sets the defaults of {@code tl.inputSize}, {@code tl.preprocessing}
     * and {@code tl.modelName}. (Declared for every goal, so that the first goal of a build checks that the network
     * can be had before anything is downloaded.)
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

    /** Worker threads for parallel work such as image decoding. */
    @Parameter(property = "tl.threads", defaultValue = "2")
    protected int threads;

    /**
     * Skips every tl goal, as it skips surefire and failsafe: the study is the project's test, so
     * {@code mvn install -DskipTests} installs without running it.
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    protected boolean skipTests;

    /** Skips every tl goal, as it skips failsafe's integration tests. */
    @Parameter(property = "skipITs", defaultValue = "false")
    protected boolean skipITs;

    /** Skips every tl goal, as it skips compiling and running the tests. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    protected boolean mavenTestSkip;

    /**
     * The rules, each <code>&lt;rule&gt;</code> with a <code>&lt;name&gt;</code>, a <code>&lt;metric&gt;</code> (a
     * metric or the difference of two, e.g. <code>table2.scheme4.mean - table2.scheme1.mean</code>) and a
     * <code>&lt;minimum&gt;</code> (or <code>&lt;above&gt;</code>, a bound the value must exceed) and/or
     * <code>&lt;maximum&gt;</code>, <code>&lt;reportOnly&gt;</code> for the
     * paper's claims; or with <code>&lt;compare&gt;welch|absolute&lt;/compare&gt;</code>, <code>&lt;alpha&gt;</code>
     * and <code>&lt;maximumChange&gt;</code> to judge the change against the baseline. {@code tl:check} enforces
     * them and the report lists their outcomes; every goal checks them first (their metrics exist), so that a
     * misspelt rule fails before any training.
     */
    @Parameter
    protected List<GateRule> rules;

    /** Level of the Welch rules that give no {@code <alpha>}: a change with a smaller p-value fails. */
    @Parameter(property = "tl.baseline.alpha", defaultValue = "0.001")
    protected double alpha;

    // the tl.* properties in effect, checked before any work and recorded in the report's provenance
    @Parameter(defaultValue = "${project.properties}", readonly = true)
    private Properties projectProperties;

    @Parameter(defaultValue = "${session.userProperties}", readonly = true)
    private Properties userProperties;

    // Maven's offline mode (-o) and the proxies of settings.xml, which every download honours
    @Parameter(defaultValue = "${session.offline}", readonly = true)
    private boolean offline;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        boolean study = isStudy();
        String skippedBy = skip ? "tl.skip" : skipGoal() ? "tl." + goal() + ".skip"
                : study && skipTests ? "skipTests" : study && skipITs ? "skipITs"
                : study && mavenTestSkip ? "maven.test.skip" : null;
        if (skippedBy != null) {
            getLog().info("Skipping tl:" + goal() + " (" + skippedBy + " is set)");
            return;
        }
        try {
            // every goal checks every setting and rule, so that the first goal of a build fails on a bad value
            Map<String, String> tl = tlSettings();
            List<String> problems = new ArrayList<>(SettingRanges.problems(tl));
            try {
                RunExecutors.requireAvailable(tl.get("tl.executor"), getClass().getClassLoader());
            } catch (TlException e) {
                problems.add(e.getMessage());
            }
            SettingRanges.throwIfAny(problems);
            Gates.validate(rules());
            embeddingModel(1);
            run();
        } catch (TlException e) {
            throw new MojoFailureException("tl:" + goal() + " failed: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(ResourceErrors.outOfMemory(goal(), tlSettings()), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(ResourceErrors.cannotWrite(goal(), e, workDir(), pathOrNull(cache)), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("tl:" + goal() + " failed unexpectedly: " + e, e);
        }
    }

    /** The goal's name, for messages. */
    protected abstract String goal();

    /** The goal's own skip flag. */
    protected abstract boolean skipGoal();

    /** Whether the goal is part of the study, which the test-skipping flags skip; a tool goal is not. */
    protected boolean isStudy() {
        return true;
    }

    protected abstract void run() throws MojoFailureException;

    /** The configured rules, for tl-core. */
    protected List<Rule> rules() {
        return rules == null ? List.of() : rules.stream().map(r -> r.toRule(alpha)).toList();
    }

    /** The tl.* properties of the POM (with its active profiles), overridden by -D. */
    protected Map<String, String> tlSettings() {
        Map<String, String> settings = new TreeMap<>();
        for (Properties p : new Properties[] {projectProperties, userProperties}) {
            if (p != null) {
                p.stringPropertyNames().stream().filter(k -> k.startsWith("tl."))
                        .forEach(k -> settings.put(k, p.getProperty(k)));
            }
        }
        return settings;
    }

    /** The folders of tl.workDir, one per goal. */
    protected WorkLayout layout() {
        return new WorkLayout(workDir());
    }

    protected Path workDir() {
        return workDir.toPath();
    }

    protected static Path pathOrNull(File file) {
        return file == null || file.getPath().isEmpty() ? null : file.toPath();
    }

    /** The mirror folder, or {@code null} when unset (or set empty: {@code -Dtl.mirror=}). */
    protected Path mirror() {
        return pathOrNull(unsetIfEmpty(mirror));
    }

    /** {@code null} for an optional folder set to an empty value, which Maven hands over as the project folder. */
    protected File unsetIfEmpty(File f) {
        return f == null || (basedir != null && f.getAbsoluteFile().equals(basedir.getAbsoluteFile()))
                ? null : f;
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
            ModelFile one = new ModelFile();
            one.setName(model.trim());
            one.setSha256(modelSha256);
            one.setMd5(modelMd5);
            one.setUrl(modelUrl);
            return List.of(one.toRemoteFile());
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

    /** A downloader with Maven's network settings and the download limits of tl.downloadTimeout/MaxBytes. */
    protected HttpDownloader downloader() {
        return new HttpDownloader(network(), new DownloadLimits(Duration.ofSeconds(downloadTimeout),
                Duration.ofSeconds(downloadTimeout), downloadMaxBytes));
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
