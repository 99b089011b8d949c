package org.tlrepro.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.TlException;
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
public class ManifestMojo extends AbstractDataSetMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.manifest.skip", defaultValue = "false")
    private boolean manifestSkip;

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
        if (images == null) {
            throw new TlException("tl.images is not set: point it at the folder with one subfolder of images per "
                    + "class (or a zip archive of such folders), e.g. -Dtl.images=images");
        }
        new ManifestStage().run(new ManifestRequest(images.toPath(), manifest.toPath(), pathOrNull(sampleList),
                perClass, seed, threads, force));
    }
}
