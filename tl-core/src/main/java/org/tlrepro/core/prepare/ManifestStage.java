package org.tlrepro.core.prepare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;
import org.tlrepro.core.data.ImageRecord;
import org.tlrepro.core.data.ImageTable;
import org.tlrepro.core.data.SampleSelector;
import org.tlrepro.core.exec.ParallelWork;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.progress.Progress;

/**
 * {@code tl:manifest}: lists the user's own images (a folder of class folders, or an archive of them) as the
 * paper's data set is listed, so that from then on {@code tl:prepare} verifies every image by its SHA-256. Every
 * image is hashed and decoded once; duplicates (the same bytes twice, within or across classes), images OpenCV
 * cannot decode and class folders without images are refused with the files named. Files that are not images by
 * their extension ({@code Thumbs.db}, notes) are left out and counted.
 */
public final class ManifestStage {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestStage.class);
    /** What OpenCV's imdecode reads in every build. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "ppm", "pgm");

    /**
     * @param images   the images listed
     * @param classes  images per class, by class name
     * @param skipped  files left out because they are not images
     * @param written  the files written (empty when they already said the same)
     */
    public record Result(int images, Map<String, Integer> classes, int skipped, List<Path> written) {
    }

    public Result run(ManifestRequest request) {
        try (ImageSource source = ImageSource.open(request.images())) {
            List<ImageSource.Entry> images = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (ImageSource.Entry e : source.entries()) {
                if (isImage(e.filename())) {
                    images.add(e);
                } else {
                    skipped.add(e.where());
                }
            }
            if (!skipped.isEmpty()) {
                LOG.info("{} file(s) in {} are not images by their extension ({}) and are left out: {}{}",
                        skipped.size(), source.path(), String.join(", ", new java.util.TreeSet<>(IMAGE_EXTENSIONS)),
                        String.join(", ", skipped.subList(0, Math.min(5, skipped.size()))),
                        skipped.size() > 5 ? ", ..." : "");
            }
            Map<String, Integer> classes = checkClasses(source, images);
            // every problem of the images in one run: a user fixes them all before trying again
            List<String> problems = new ArrayList<>();
            ImageRecord[] hashed = hashAndDecode(images, request.threads(), problems);
            duplicates(hashed, images).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                throw new TlException(String.join(". ", problems) + ". Repair, remove or keep one copy of each, then "
                        + "run tl:manifest again");
            }
            List<ImageRecord> records = new ArrayList<>(Arrays.asList(hashed));
            records.sort(Comparator.comparing(ImageRecord::className).thenComparing(ImageRecord::filename));

            List<Path> written = new ArrayList<>();
            ImageTable manifest = ImageTable.of(request.manifest(), records);
            writeIfChanged(request.manifest(), manifest.toTsv(), request.force(), "tl.manifest", written);
            if (request.sampleList() != null) {
                List<ImageRecord> sample = request.perClass() == null ? records
                        : SampleSelector.select(manifest, null, request.perClass(), request.seed());
                writeIfChanged(request.sampleList(), ImageTable.of(request.sampleList(), sample).toTsv(),
                        request.force(), "tl.sampleList", written);
            }
            LOG.info("{} images in {} classes ({}) listed in {}{}", records.size(), classes.size(),
                    classes.entrySet().stream().map(c -> c.getKey() + " " + c.getValue())
                            .collect(Collectors.joining(", ")), request.manifest(),
                    written.isEmpty() ? ", which already said so" : "; commit it: tl:prepare verifies every image "
                            + "against it");
            return new Result(records.size(), classes, skipped.size(), written);
        }
    }

    static boolean isImage(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Images per class; every class folder must hold some, there must be two classes, names must fit a TSV. */
    private static Map<String, Integer> checkClasses(ImageSource source, List<ImageSource.Entry> images) {
        Map<String, Integer> counts = new TreeMap<>();
        source.classFolders().forEach(c -> counts.put(c, 0));
        for (ImageSource.Entry e : images) {
            counts.merge(e.className(), 1, Integer::sum);
            if ((e.className() + e.filename()).chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r')) {
                throw new TlException(e.where() + ": a class or file name with a tab or line break cannot be listed "
                        + "in the manifest (a TSV); rename it");
            }
        }
        List<String> empty = counts.entrySet().stream().filter(c -> c.getValue() == 0).map(Map.Entry::getKey)
                .toList();
        if (!empty.isEmpty()) {
            throw new TlException("the class folder(s) " + empty + " in " + source.path() + " hold no images: add "
                    + "images (" + String.join(", ", new java.util.TreeSet<>(IMAGE_EXTENSIONS)) + ") or remove the "
                    + "folder");
        }
        if (counts.size() < 2) {
            throw new TlException(source.path() + " has " + counts.size() + " class folder(s) " + counts.keySet()
                    + ": put the images in one subfolder per class, at least two classes");
        }
        return counts;
    }

    /**
     * The manifest row of every image, in entry order; an image that does not decode has none (null) and is named in
     * {@code problems}.
     */
    private static ImageRecord[] hashAndDecode(List<ImageSource.Entry> images, int threads, List<String> problems) {
        ImageRecord[] records = new ImageRecord[images.size()];
        Map<String, String> failures = new ConcurrentSkipListMap<>();
        Progress progress = new Progress(LOG, "Hashing and decoding images", images.size(), "images");
        long done = ParallelWork.forEach(images.size(), threads, progress, "listing the images", i -> {
            ImageSource.Entry e = images.get(i);
            try {
                byte[] bytes = e.reader().read();
                ImageDecoder.decode(bytes, e.where());
                records[i] = new ImageRecord(e.className(), e.filename(), Sha256.hex(bytes), bytes.length);
            } catch (TlException ex) {
                failures.put(e.where(), ex.getMessage());
            } catch (IOException | RuntimeException ex) {
                failures.put(e.where(), e.where() + " cannot be read: " + ex.getMessage());
            }
        });
        progress.finish(done);
        if (!failures.isEmpty()) {
            problems.add(failures.size() + " image(s) cannot be read: " + failures.values().stream().limit(5)
                    .collect(Collectors.joining("; ")) + (failures.size() > 5 ? "; ..." : ""));
        }
        return records;
    }

    /** The same bytes twice would put one image in training and test, or in two classes. */
    private static Optional<String> duplicates(ImageRecord[] records, List<ImageSource.Entry> images) {
        Map<String, List<String>> bySha = new LinkedHashMap<>();
        for (int i = 0; i < records.length; i++) {
            if (records[i] != null) {
                bySha.computeIfAbsent(records[i].sha256(), k -> new ArrayList<>()).add(images.get(i).where());
            }
        }
        List<String> groups = bySha.values().stream().filter(g -> g.size() > 1).map(g -> String.join(" = ", g))
                .toList();
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(groups.size() + " image(s) appear more than once (the same bytes): "
                + String.join("; ", groups.subList(0, Math.min(5, groups.size())))
                + (groups.size() > 5 ? "; ..." : ""));
    }

    /** Writes {@code content} unless the file says so already; a different committed file needs tl.force. */
    private static void writeIfChanged(Path file, String content, boolean force, String property, List<Path> written) {
        try {
            if (Files.isRegularFile(file)) {
                String old = Files.readString(file, StandardCharsets.UTF_8);
                if (old.equals(content)) {
                    return;
                }
                if (!force) {
                    throw new TlException(file + " (" + property + ") exists and lists other images than "
                            + "the folder has now: run with -Dtl.force=true to replace it, or point " + property
                            + " at a new file");
                }
            }
        } catch (IOException e) {
            throw new TlException("cannot read " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        written.add(file);
    }
}
