package org.tlrepro.maven;

import java.io.File;
import java.net.URI;
import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.TlException;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.prepare.PrepareRequest;
import org.tlrepro.core.prepare.PrepareStage;

/**
 * Fetches the image archive (mirror, then cache, then URL), or reads your folder of images ({@code tl.images}),
 * verifies every selected image against the manifest,
 * resizes it with OpenCV's bilinear interpolation and writes {@code images.npy}, {@code index.tsv} and the
 * verified originals under <code>${tl.workDir}/prepare</code>. Skipped when its output is up to date.
 * <p>Example: {@code mvn tl:prepare -Dtl.mirror=../shared/mirror -Dtl.perClass=500} draws 500 images per class
 * (the paper: 5,000) and verifies each against {@code tl.manifest}.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class PrepareMojo extends AbstractTlMojo {

    /** Canonical address of the full NIH archive. */
    public static final String NIH_URL = "https://data.lhncbc.nlm.nih.gov/public/Malaria/cell_images.zip";

    /** Skips this goal. */
    @Parameter(property = "tl.prepare.skip", defaultValue = "false")
    private boolean prepareSkip;

    /** TSV of every original image: class, filename, sha256, size_bytes. */
    @Parameter(property = "tl.manifest", required = true)
    private File manifest;

    /** TSV of the images to use (same columns). Without it, {@code tl.perClass} images per class are drawn. */
    @Parameter(property = "tl.sampleList")
    private File sampleList;

    /** Images per class to draw with {@code tl.seed}, from the sample list if one is set. Unset: the whole list. */
    @Parameter(property = "tl.perClass")
    private Integer perClass;

    /** Seed of the per-class draw. */
    @Parameter(property = "tl.seed", defaultValue = "42")
    private long seed;

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

    /**
     * Your own images instead of the archives: a folder with one subfolder per class, or a zip archive of such
     * folders, listed by {@code tl:manifest}. Nothing is downloaded; every image is still verified against
     * {@code tl.manifest}.
     */
    @Parameter(property = "tl.images")
    private File images;

    @Override
    protected String goal() {
        return "prepare";
    }

    @Override
    protected boolean skipGoal() {
        return prepareSkip;
    }

    @Override
    protected void run() {
        List<RemoteFile> sources = archives == null || archives.isEmpty()
                ? List.of(new RemoteFile("cell_images.zip", null, URI.create(url)))
                : archives.stream().map(Archive::toRemoteFile).toList();
        if (images != null && !images.exists()) {
            throw new TlException("tl.images is " + images + ", which does not exist: point it at the folder of "
                    + "class folders (or the zip archive) that tl:manifest listed");
        }
        if (mirror != null && !mirror.isDirectory()) {
            throw new TlException("tl.mirror is " + mirror + ", which is not a folder: fix or unset it");
        }
        new PrepareStage(new HttpDownloader()).run(new PrepareRequest(manifest.toPath(), pathOrNull(sampleList),
                perClass, seed, imageSize, sources, pathOrNull(mirror), pathOrNull(cache),
                layout().prepare(), force, threads, pathOrNull(images)));
    }
}
