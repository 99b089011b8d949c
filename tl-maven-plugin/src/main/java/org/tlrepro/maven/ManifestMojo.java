package org.tlrepro.maven;

import java.io.File;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.prepare.ManifestRequest;
import org.tlrepro.core.prepare.ManifestStage;

/**
 * Lists your own images for the study: from a folder with one subfolder per class (or a zip archive of such
 * folders), writes the manifest (class, filename, SHA-256, size of every image) and the sample list. Commit both:
 * from then on {@code tl:prepare} reads the images from the same folder and verifies every one against the
 * manifest, as it does for the paper's data. Refuses the same image twice, images OpenCV cannot decode, class
 * folders without images and fewer than two classes, naming the files; replaces a list that differs from the
 * folder only with {@code -Dtl.force=true}. Not bound to a phase: run it when the images change.
 * <p>Example: {@code mvn tl:manifest -Dtl.images=photos -Dtl.manifest=data/manifest.tsv
 * -Dtl.sampleList=data/sample.tsv -Dtl.perClass=200} lists every image in {@code photos/<class>/} and draws 200
 * per class for the sample.
 */
@Mojo(name = "manifest", threadSafe = true, requiresProject = false)
public class ManifestMojo extends AbstractTlMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.manifest.skip", defaultValue = "false")
    private boolean manifestSkip;

    /** Your images: a folder with one subfolder per class, or a zip archive of such folders. */
    @Parameter(property = "tl.images", required = true)
    private File images;

    /** Where the manifest of every image is written (the file {@code tl:prepare} verifies against). */
    @Parameter(property = "tl.manifest", required = true)
    private File manifest;

    /** Where the sample list (same columns) is written; unset: none. */
    @Parameter(property = "tl.sampleList")
    private File sampleList;

    /** Images per class drawn into the sample list with {@code tl.seed}. Unset: every image. */
    @Parameter(property = "tl.perClass")
    private Integer perClass;

    /** Seed of the per-class draw. */
    @Parameter(property = "tl.seed", defaultValue = "42")
    private long seed;

    @Override
    protected String goal() {
        return "manifest";
    }

    @Override
    protected boolean skipGoal() {
        return manifestSkip;
    }

    @Override
    protected boolean isStudy() {
        return false;
    }

    @Override
    protected void run() {
        new ManifestStage().run(new ManifestRequest(images.toPath(), manifest.toPath(), pathOrNull(sampleList),
                perClass, seed, threads, force));
    }
}
