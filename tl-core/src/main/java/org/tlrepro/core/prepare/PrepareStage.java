package org.tlrepro.core.prepare;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;
import org.tlrepro.core.data.ImageTable;
import org.tlrepro.core.data.SampleSelector;
import org.tlrepro.core.exec.ParallelWork;
import org.tlrepro.core.fetch.FetchedFile;
import org.tlrepro.core.fetch.FileFetcher;
import org.tlrepro.core.fetch.InputCheck;
import org.tlrepro.core.fetch.HttpDownloader;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.progress.Progress;
import org.tlrepro.core.progress.Stopwatch;
import org.tlrepro.core.stage.Fingerprint;
import org.tlrepro.core.stage.StageDirectory;
import org.tlrepro.core.stage.ToolVersion;
import org.tlrepro.core.tensor.Npy;

/**
 * {@code tl:prepare}: selects the images, fetches an archive that holds them, verifies every image against the
 * manifest, decodes and resizes it, and writes a {@link PreparedData} folder, atomically.
 *
 * <p>The output depends only on the manifest, the selection and the parameters, never on which archive the
 * images came from: every image is verified by its SHA-256, and images are written in (class, filename) order.
 * So the fingerprint leaves the archive out, and the full NIH archive and the mirror's give the same bytes.
 */
public final class PrepareStage {

    private static final Logger LOG = LoggerFactory.getLogger(PrepareStage.class);
    /** Bumped whenever the output format or the image processing changes. */
    private static final String FORMAT = "1";

    private final HttpDownloader downloader;

    public PrepareStage(HttpDownloader downloader) {
        this.downloader = downloader;
    }

    /** Outcome of a run. */
    public record Result(boolean skipped, PreparedData data, PrepareSummary summary) {
    }

    public Result run(PrepareRequest request) {
        ImageTable manifest = ImageTable.read(request.manifest());
        ImageTable sampleList = request.sampleList() == null ? null : ImageTable.read(request.sampleList());
        List<ImageRecord> selection = SampleSelector.select(manifest, sampleList, request.perClass(), request.seed());
        SortedSet<String> classes = manifest.classes();
        checkClasses(classes, selection, request);

        PreparedData out = new PreparedData(request.outputDir());
        StageDirectory stage = out.stageDirectory();
        Fingerprint fingerprint = fingerprint(request, manifest, selection);
        Optional<String> stale = stage.staleReason(fingerprint, request.force());
        // every file this build will fetch is checked before the first is downloaded
        FileFetcher fetcher = new FileFetcher(request.mirror(), request.cache(), downloader);
        List<InputCheck.Requirement> inputs = new ArrayList<>();
        if (stale.isPresent() && request.images() == null) {
            inputs.add(new InputCheck.Requirement("the image archive", request.archives()));
        }
        inputs.addAll(request.laterInputs());
        InputCheck.check(fetcher, inputs);
        if (stale.isEmpty()) {
            PrepareSummary summary = out.readSummary();
            LOG.info("Prepared data in {} is up to date ({} images); skipping (-Dtl.force=true recomputes)",
                    out.dir(), summary.images());
            return new Result(true, out, summary);
        }
        LOG.info("Preparing the data, because {}", stale.get());

        Stopwatch watch = Stopwatch.start();
        // the user's own folder or archive (tl.images), else the configured archives: mirror, cache, URL
        FetchedFile archive = request.images() == null ? fetcher.fetchFirst(request.archives()) : null;
        Path sourcePath = archive == null ? request.images() : archive.path();
        Path staging = stage.stage();
        try (ImageSource source = ImageSource.open(sourcePath)) {
            PreparedData staged = new PreparedData(staging);
            byte[][] pixels = extract(source, manifest, selection, staged, request);
            PrepareSummary summary = write(staged, selection, classes, pixels, request,
                    archive == null ? sourcePath.getFileName().toString() : archive.file().name(),
                    archive == null ? (Files.isDirectory(sourcePath) ? "folder" : "archive") + " " + sourcePath
                            : archive.origin(),
                    watch.seconds());
            stage.commit(staging, fingerprint, PreparedData.HASHED);
            LOG.info("Prepared {} images of {}x{}x3 in {} ({} s): {}", summary.images(), request.imageSize(),
                    request.imageSize(), out.dir(), String.format("%.1f", summary.seconds()),
                    summary.classes().stream().map(Object::toString).collect(Collectors.joining(", ")));
            return new Result(false, out, summary);
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
    }

    private static void checkClasses(SortedSet<String> classes, List<ImageRecord> selection, PrepareRequest r) {
        if (classes.size() < 2) {
            throw new TlException(r.manifest() + " lists " + classes.size() + " class(es) " + classes
                    + ": a classification data set needs at least two");
        }
        for (String c : classes) {
            if (selection.stream().noneMatch(i -> i.className().equals(c))) {
                throw new TlException("class " + c + " of the manifest has no images in the selection"
                        + (r.sampleList() == null ? "" : " from " + r.sampleList())
                        + ": every class needs images; check the sample list");
            }
        }
    }

    private static Fingerprint fingerprint(PrepareRequest r, ImageTable manifest, List<ImageRecord> selection) {
        return Fingerprint.builder()
                .put("format", FORMAT)
                .put("tl.version", ToolVersion.get())
                .put("manifest.sha256", Sha256.ofFile(r.manifest()))
                .put("selection.sha256", Sha256.hex(ImageTable.of(manifest.source(), selection).toTsv()
                        .getBytes(StandardCharsets.UTF_8)))
                .put("selection.size", selection.size())
                .put("imageSize", r.imageSize())
                .put("interpolation", "opencv-INTER_LINEAR")
                .build();
    }

    /** Verifies, stores and resizes every selected image; returns the pixels in selection order. */
    private static byte[][] extract(ImageSource source, ImageTable manifest, List<ImageRecord> selection,
                                    PreparedData staged, PrepareRequest request) {
        int size = request.imageSize();
        byte[][] pixels = new byte[selection.size()][];
        Map<String, Integer> position = new TreeMap<>();
        for (int i = 0; i < selection.size(); i++) {
            position.put(selection.get(i).key(), i);
        }
        Map<String, String> failures = new ConcurrentSkipListMap<>();
        AtomicReference<TlException> writeFailure = new AtomicReference<>();
        Progress progress = new Progress(LOG, "Verifying and resizing images", selection.size(), "images");
        List<ImageSource.Located> matches = source.locate(selection);
        ImageSource.Unlisted unlisted = source.unlisted(
                manifest.records().stream().map(ImageRecord::key).collect(Collectors.toSet()));
        if (unlisted.count() > 0) {
            LOG.info("{} holds {} file(s) in its class folders that {} does not list, ignored: {}{} (run tl:manifest "
                    + "again to include them)", source.path().getFileName(), unlisted.count(),
                    request.manifest().getFileName(), String.join(", ", unlisted.first()),
                    unlisted.count() > unlisted.first().size() ? ", ..." : "");
        }
        long done = ParallelWork.forEach(matches.size(), request.threads(), progress, "image preparation", i -> {
            ImageSource.Located m = matches.get(i);
            String name = m.entry().where();
            try {
                byte[] bytes = readVerified(m, name);
                Path original = staged.original(m.image().className(), m.image().filename());
                try {
                    Files.createDirectories(original.getParent());
                    Files.write(original, bytes);
                } catch (IOException e) {
                    // the work folder's fault, not the image's: one message naming the folder, not 10,000
                    writeFailure.compareAndSet(null, new TlException("cannot write " + original + " (" + e
                            + "): the work folder " + staged.dir().getParent() + " cannot take the prepared images."
                            + " Free space there, or point tl.workDir at a disk with room", e));
                    return;
                }
                pixels[position.get(m.image().key())] =
                        ImageDecoder.decodeResized(bytes, name, size, size).pixels();
            } catch (TlException e) {
                failures.put(m.image().key(), e.getMessage());
            } catch (RuntimeException e) {
                failures.put(m.image().key(), name + " cannot be read: " + e);
            }
        });
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
        if (!failures.isEmpty()) {
            Map.Entry<String, String> first = failures.entrySet().iterator().next();
            throw new TlException(first.getValue() + (failures.size() > 1
                    ? " (and " + (failures.size() - 1) + " more bad images: " + List.copyOf(failures.keySet()).subList(
                    1, Math.min(6, failures.size())) + ")" : ""));
        }
        progress.finish(done);
        return pixels;
    }

    private static byte[] readVerified(ImageSource.Located m, String name) {
        ImageRecord image = m.image();
        byte[] bytes;
        try {
            bytes = m.entry().reader().read();
        } catch (IOException e) {
            throw new TlException(name + " " + e.getMessage(), e);
        }
        String actual = Sha256.hex(bytes);
        if (!actual.equals(image.sha256())) {
            throw new TlException(name + " is not the original " + image.key() + ": its SHA-256 is " + actual
                    + " (" + bytes.length + " bytes) but the manifest says " + image.sha256() + " ("
                    + image.sizeBytes() + " bytes). The archive or folder is damaged or altered: fetch it again (or, for your own images, run tl:manifest "
                    + "again if they were meant to change)");
        }
        return bytes;
    }

    private static PrepareSummary write(PreparedData staged, List<ImageRecord> selection, SortedSet<String> classes,
                                        byte[][] pixels, PrepareRequest request, String sourceName,
                                        String sourceOrigin, double seconds) {
        List<String> labels = new ArrayList<>(classes);
        List<PreparedIndex.Row> rows = new ArrayList<>();
        int size = request.imageSize();
        try (OutputStream npy = new java.io.BufferedOutputStream(Files.newOutputStream(staged.images()), 1 << 20)) {
            Npy.writeUInt8(npy, new int[] {selection.size(), size, size, 3});
            for (int i = 0; i < selection.size(); i++) {
                ImageRecord r = selection.get(i);
                rows.add(new PreparedIndex.Row(i, labels.indexOf(r.className()), r.className(), r.filename(),
                        r.sha256()));
                npy.write(pixels[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + staged.images(), e);
        }
        try {
            Files.writeString(staged.index(), new PreparedIndex(rows).toTsv());
            List<PrepareSummary.ClassCount> counts = new ArrayList<>();
            for (String c : labels) {
                counts.add(new PrepareSummary.ClassCount(c, labels.indexOf(c),
                        (int) selection.stream().filter(r -> r.className().equals(c)).count()));
            }
            PrepareSummary summary = new PrepareSummary(ToolVersion.get(), size, selection.size(), counts,
                    sourceName, sourceOrigin, seconds);
            staged.writeSummary(summary);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prepared data in " + staged.dir(), e);
        }
    }
}
