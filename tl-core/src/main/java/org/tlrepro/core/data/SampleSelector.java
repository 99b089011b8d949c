package org.tlrepro.core.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.tlrepro.core.TlException;

/**
 * Chooses the images a reproduction uses: the given sample list (checked against the manifest), or
 * {@code perClass} images per class drawn with a seed. With both, {@code perClass} images per class are drawn
 * from the sample list, which is how the smoke configuration takes a small subset of the paper's sample.
 */
public final class SampleSelector {

    private SampleSelector() {
    }

    /**
     * @param manifest   every original image
     * @param sampleList the images to use, or {@code null} to draw from the manifest
     * @param perClass   images per class to draw, or {@code null} to take the whole sample list
     * @param seed       seed of the draw
     * @return the selection sorted by class, then file name
     */
    public static List<ImageRecord> select(ImageTable manifest, ImageTable sampleList, Integer perClass, long seed) {
        ImageTable pool = manifest;
        if (sampleList != null) {
            checkAgainstManifest(manifest, sampleList);
            pool = sampleList;
        }
        if (perClass == null) {
            if (sampleList == null) {
                throw new TlException("neither a sample list (tl.sampleList) nor a number of images per class "
                        + "(tl.perClass) is set: set one of them");
            }
            return sorted(new ArrayList<>(sampleList.records()));
        }
        if (perClass < 1) {
            throw new TlException("tl.perClass is " + perClass + ": it must be at least 1");
        }
        List<ImageRecord> chosen = new ArrayList<>();
        for (String className : pool.classes()) {
            List<ImageRecord> candidates = sorted(new ArrayList<>(pool.ofClass(className)));
            if (candidates.size() < perClass) {
                throw new TlException("class " + className + " has " + candidates.size() + " images in "
                        + pool.source() + ", fewer than tl.perClass=" + perClass + ": lower tl.perClass");
            }
            // java.util.Random's sequence is fixed by its specification, so a seed gives the same draw everywhere
            java.util.Collections.shuffle(candidates, new Random(seed));
            chosen.addAll(candidates.subList(0, perClass));
        }
        return sorted(chosen);
    }

    private static void checkAgainstManifest(ImageTable manifest, ImageTable sampleList) {
        for (ImageRecord r : sampleList.records()) {
            ImageRecord original = manifest.find(r.className(), r.filename()).orElseThrow(() -> new TlException(
                    sampleList.source() + ": " + r.key() + " is not in the manifest " + manifest.source()));
            if (!original.sha256().equals(r.sha256())) {
                throw new TlException(sampleList.source() + ": " + r.key() + " has SHA-256 " + r.sha256()
                        + " but the manifest " + manifest.source() + " says " + original.sha256());
            }
        }
    }

    private static List<ImageRecord> sorted(List<ImageRecord> records) {
        records.sort(Comparator.comparing(ImageRecord::className).thenComparing(ImageRecord::filename));
        return records;
    }
}
