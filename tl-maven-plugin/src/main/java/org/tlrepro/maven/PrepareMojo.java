package org.tlrepro.maven;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.ClusterOutput;
import org.tlrepro.core.fetch.InputCheck;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.prepare.PrepareRequest;
import org.tlrepro.core.prepare.PrepareStage;

/**
 * Fetches the image archive (mirror, then cache, then URL), or reads your folder of images ({@code tl.images}),
 * after checking that every input of the study can be had (the archive and the embedding network: in the mirror or
 * the cache, or by URL unless Maven is offline), verifies every selected image against the manifest,
 * resizes it with OpenCV's bilinear interpolation and writes {@code images.npy}, {@code index.tsv} and the
 * verified originals under <code>${tl.workDir}/prepare</code>. Skipped when its output is up to date.
 * <p>Example: {@code mvn tl:prepare -Dtl.mirror=../shared/mirror -Dtl.perClass=500} draws 500 images per class
 * (the paper: 5,000) and verifies each against {@code tl.manifest}.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class PrepareMojo extends AbstractDataSetMojo {

    /** Canonical address of the full NIH archive. */
    public static final String NIH_URL = "https://data.lhncbc.nlm.nih.gov/public/Malaria/cell_images.zip";

    /** Skips this goal. */
    @Parameter(property = "tl.prepare.skip", defaultValue = "false")
    private boolean prepareSkip;

    /** Side of the square images the network sees, in pixels (the paper: 50). */
    @Parameter(property = "tl.imageSize", defaultValue = "50")
    private int imageSize;

    /** Canonical URL of the full archive, used when {@code archives} is not configured. */
    @Parameter(property = "tl.url", defaultValue = NIH_URL)
    private String url;

    /**
     * Archives that hold the originals, by file name, each with an optional SHA-256 and URL. All are looked for in
     * the mirror, then in the cache, before the first with a URL is downloaded. Default: {@code cell_images.zip}
     * at {@code tl.url}.
     */
    @Parameter
    private List<Archive> archives;

    @Override
    protected boolean skipGoal() {
        return prepareSkip;
    }

    /** The full NIH archive at tl.url; RemoteFile checks the address, and a bad one is named as tl.url. */
    private RemoteFile nihArchive() {
        try {
            return new RemoteFile("cell_images.zip", null, URI.create(url == null ? "" : url.trim()));
        } catch (IllegalArgumentException e) {
            throw new TlException("tl.url is '" + url + "', which is not an http or https address (" + e.getMessage()
                    + "): fix it, or unset it for the NIH archive's address");
        }
    }

    @Override
    protected void run() {
        List<RemoteFile> sources = archives == null || archives.isEmpty()
                ? List.of(nihArchive())
                : archives.stream().map(Archive::toRemoteFile).toList();
        if (images != null && !images.exists()) {
            throw new TlException("tl.images is " + images + ", which does not exist: point it at the folder of "
                    + "class folders (or the zip archive) that tl:manifest listed");
        }
        // the network tl:cluster will need, unless a clustering exists (it may then need no network at all)
        List<InputCheck.Requirement> later = Files.isRegularFile(layout().cluster().resolve(ClusterOutput.RESULT))
                ? List.of() : List.of(new InputCheck.Requirement("the embedding network (tl.architecture="
                + architecture + ")", embeddingModel(1).sources()));
        new PrepareStage(downloader()).run(new PrepareRequest(manifest.toPath(),
                pathOrNull(sampleList), perClass, seed, imageSize, sources, mirror(), pathOrNull(cache),
                layout().prepare(), force, threads, pathOrNull(images), later));
    }
}
