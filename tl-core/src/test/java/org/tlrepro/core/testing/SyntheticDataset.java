package org.tlrepro.core.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.tlrepro.core.data.ImageRecord;
import org.tlrepro.core.data.ImageTable;
import org.tlrepro.core.io.Sha256;

/**
 * A small data set laid out like the NIH malaria archive, made of random PNG images, with its manifest and a
 * sample list. Used by unit tests and, through the test-jar, by the plugin's integration tests.
 *
 * <p>{@code main(dir, perClass, sampleSize)} writes one for scripts.
 */
public final class SyntheticDataset {

    public static final List<String> CLASSES = List.of("Parasitized", "Uninfected");
    public static final String ARCHIVE_ROOT = "cell_images/";
    /** Base colours (B, G, R) of the four image groups of each class. */
    private static final int[][] GROUP_COLOURS = {
        {200, 60, 60}, {60, 200, 60}, {60, 60, 200}, {200, 200, 60},
        {60, 200, 200}, {200, 60, 200}, {120, 120, 120}, {230, 230, 230}};

    /** The files written. */
    public record Files(Path dir, Path archive, Path manifest, Path sampleList, Map<String, byte[]> images) {
    }

    private SyntheticDataset() {
    }

    /**
     * Writes {@code perClass} images per class into {@code cell_images.zip}, the manifest of all of them, and a
     * sample list of the first {@code samplePerClass} per class.
     */
    public static Files create(Path dir, int perClass, int samplePerClass, long seed) {
        Random random = new Random(seed);
        Map<String, byte[]> images = new LinkedHashMap<>();
        List<ImageRecord> all = new ArrayList<>();
        List<ImageRecord> sample = new ArrayList<>();
        for (String c : CLASSES) {
            for (int i = 0; i < perClass; i++) {
                String name = "C" + c.charAt(0) + "_" + (1000 + i) + "_cell_" + i + ".png";
                // a few odd formats that real archives contain: grey, RGBA, 16-bit
                int kind = i % 7 == 3 ? 1 : i % 7 == 5 ? 2 : i % 7 == 6 ? 3 : 0;
                // four groups of similar images per class, so that clustering finds structure, as in real data
                int[] base = GROUP_COLOURS[(i % 4) + (c.equals(CLASSES.get(0)) ? 0 : 4)];
                if (kind == 1 && !(base[0] == base[1] && base[1] == base[2])) {
                    kind = 0; // a grey image would be an outlier in a coloured group
                }
                byte[] png = randomPng(random, 40 + random.nextInt(40), 40 + random.nextInt(40), kind, base, 20);
                images.put(c + "/" + name, png);
                ImageRecord r = new ImageRecord(c, name, Sha256.hex(png), png.length);
                all.add(r);
                if (i < samplePerClass) {
                    sample.add(r);
                }
            }
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            Path archive = dir.resolve("cell_images.zip");
            Map<String, byte[]> entries = new LinkedHashMap<>();
            images.forEach((k, v) -> entries.put(ARCHIVE_ROOT + k, v));
            zip(archive, entries);
            Path manifest = dir.resolve("manifest.tsv");
            java.nio.file.Files.writeString(manifest, ImageTable.of(manifest, all).toTsv());
            Path sampleList = dir.resolve("sample.tsv");
            java.nio.file.Files.writeString(sampleList, ImageTable.of(sampleList, sample).toTsv());
            return new Files(dir, archive, manifest, sampleList, images);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A user's own images as {@code tl:manifest} expects them, {@code <dir>/<class>/img_<i>.png}, without a
     * manifest: {@code perClass} random PNGs per class in four groups of similar colours, as {@link #create} makes.
     */
    public static Path createFolder(Path dir, List<String> classes, int perClass, long seed) {
        Random random = new Random(seed);
        try {
            for (int c = 0; c < classes.size(); c++) {
                Path classDir = java.nio.file.Files.createDirectories(dir.resolve(classes.get(c)));
                for (int i = 0; i < perClass; i++) {
                    // create()'s four colour groups of either class; classes beyond two rotate the channels,
                    // which keeps the distances between a class's groups and so its clustering
                    int[] colour = GROUP_COLOURS[(i % 4) + (c % 2) * 4];
                    int r = c / 2;
                    int[] base = {colour[r % 3], colour[(r + 1) % 3], colour[(r + 2) % 3]};
                    byte[] png = randomPng(random, 40 + random.nextInt(40), 40 + random.nextInt(40), 0, base, 6);
                    java.nio.file.Files.write(classDir.resolve("img_" + (100 + i) + ".png"), png);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a zip with the given entries, stored (uncompressed) like the mirror's archive. */
    public static void zip(Path file, Map<String, byte[]> entries) {
        try (OutputStream raw = java.nio.file.Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A random PNG.
     *
     * @param kind 0 = 8-bit BGR, 1 = grey, 2 = BGRA, 3 = 16-bit BGR
     */
    public static byte[] randomPng(Random random, int width, int height, int kind) {
        return randomPng(random, width, height, kind, new int[] {128, 128, 128}, 128);
    }

    /**
     * A random PNG whose 8-bit values lie within {@code spread} of the channel's {@code base} (B, G, R; grey
     * images take their mean, alpha takes B's).
     *
     * @param kind 0 = 8-bit BGR, 1 = grey, 2 = BGRA, 3 = 16-bit BGR
     */
    public static byte[] randomPng(Random random, int width, int height, int kind, int[] base, int spread) {
        int channels = kind == 1 ? 1 : kind == 2 ? 4 : 3;
        int type = kind == 1 ? CV_8UC1 : kind == 2 ? CV_8UC4 : kind == 3 ? CV_16UC3 : CV_8UC3;
        try (Mat mat = new Mat(height, width, type)) {
            if (kind == 3) {
                short[] values = new short[width * height * channels];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (short) (value(random, base[i % 3], spread) * 257);
                }
                new ShortPointer(mat.data()).put(values);
            } else {
                byte[] values = new byte[width * height * channels];
                int grey = (base[0] + base[1] + base[2]) / 3;
                for (int i = 0; i < values.length; i++) {
                    values[i] = (byte) value(random, channels == 1 ? grey : base[i % channels % 3], spread);
                }
                mat.data().put(values);
            }
            return encodePng(mat);
        }
    }

    private static int value(Random random, int base, int spread) {
        return Math.max(0, Math.min(255, base - spread + random.nextInt(2 * spread + 1)));
    }

    public static byte[] encodePng(Mat mat) {
        try (BytePointer buffer = new BytePointer()) {
            if (!imencode(".png", mat, buffer)) {
                throw new IllegalStateException("OpenCV could not encode a PNG");
            }
            byte[] out = new byte[(int) buffer.limit()];
            buffer.get(out);
            return out;
        }
    }

    /** For scripts: {@code SyntheticDataset <dir> <perClass> <samplePerClass>}. */
    public static void main(String[] args) {
        create(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 42);
    }
}
