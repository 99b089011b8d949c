package org.tlrepro.core.prepare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.tlrepro.core.TlException;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.stage.StageDirectory;

/**
 * The folder {@code tl:prepare} writes and later stages read.
 *
 * <ul>
 *   <li>{@code images.npy}: uint8 tensor [N, size, size, 3], RGB, in index order</li>
 *   <li>{@code index.tsv}: index, label, class, filename, sha256 of each image</li>
 *   <li>{@code originals/<class>/<filename>}: the verified original files (the embedding network reads these)</li>
 *   <li>{@code prepare.json}: summary (counts, source archive, timings)</li>
 *   <li>{@code fingerprint.json}, {@code outputs.json}: what the output was computed from, and its hashes</li>
 * </ul>
 */
public record PreparedData(Path dir) {

    public static final String IMAGES = "images.npy";
    public static final String INDEX = "index.tsv";
    public static final String SUMMARY = "prepare.json";
    /** The files whose hashes the stage records (the originals are verified against the manifest instead). */
    public static final List<String> HASHED = List.of(IMAGES, INDEX, SUMMARY);
    private static final String SUMMARY_FIX = "run tl:prepare again with -Dtl.force=true";

    public Path images() {
        return dir.resolve(IMAGES);
    }

    public Path index() {
        return dir.resolve(INDEX);
    }

    public Path originals() {
        return dir.resolve("originals");
    }

    public Path original(String className, String filename) {
        return originals().resolve(className).resolve(filename);
    }

    public Path summary() {
        return dir.resolve(SUMMARY);
    }

    /**
     * This folder, for a later stage to read.
     *
     * @throws TlException if tl:prepare has not finished here
     */
    public PreparedData require() {
        if (!Files.isRegularFile(images()) || !Files.isRegularFile(index())) {
            throw new TlException("there is no prepared data in " + dir + ": run tl:prepare first");
        }
        return this;
    }

    /** {@code prepare.json}: image size, classes and counts. */
    public PrepareSummary readSummary() {
        return Json.read(summary(), PrepareSummary.class, SUMMARY_FIX);
    }

    /** The summary if tl:prepare finished here. */
    public Optional<PrepareSummary> summaryIfAny() {
        return Json.readIfPresent(summary(), PrepareSummary.class, SUMMARY_FIX);
    }

    void writeSummary(PrepareSummary summary) {
        Json.write(summary(), summary);
    }

    /** The fingerprint and output hashes beside the images. */
    public StageDirectory stageDirectory() {
        return new StageDirectory(dir);
    }
}
