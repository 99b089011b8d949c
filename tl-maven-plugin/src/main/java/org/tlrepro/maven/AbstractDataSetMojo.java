package org.tlrepro.maven;

import java.io.File;

import org.apache.maven.plugins.annotations.Parameter;

/** The data set's parameters, shared by {@code tl:manifest}, which writes its lists, and {@code tl:prepare}. */
public abstract class AbstractDataSetMojo extends AbstractInputMojo {

    /**
     * Your own images: a folder with one subfolder per class, or a zip archive of such folders. {@code tl:manifest}
     * lists them; {@code tl:prepare} reads them instead of the archives, downloads nothing and still verifies every
     * image against {@code tl.manifest}.
     */
    @Parameter(property = "tl.images")
    protected File images;

    /**
     * TSV of every original image: class, filename, sha256, size_bytes. {@code tl:prepare} verifies every image
     * against it; {@code tl:manifest} writes it for your own images.
     */
    @Parameter(property = "tl.manifest", required = true)
    protected File manifest;

    /**
     * TSV of the images to use (same columns), which {@code tl:manifest} writes too. Without it, {@code tl:prepare}
     * draws {@code tl.perClass} images per class from the manifest.
     */
    @Parameter(property = "tl.sampleList")
    protected File sampleList;

    /**
     * Images per class to draw with {@code tl.seed}, from the sample list if one is set. Unset: the whole list
     * ({@code tl:manifest}: every image goes into the sample list).
     */
    @Parameter(property = "tl.perClass")
    protected Integer perClass;

    /** Seed of the per-class draw. */
    @Parameter(property = "tl.seed", defaultValue = "42")
    protected long seed;
}
