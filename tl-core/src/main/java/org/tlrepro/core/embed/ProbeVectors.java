package org.tlrepro.core.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tlrepro.core.TlException;
import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.io.Sha256;

/**
 * The identity of a network's ImageNet weights that does not depend on file bytes: the feature vectors of a few
 * committed images (cell images of the paper's sample), computed once with a known copy of the weights. Any file
 * offered as that network, a whole model or a weights-only file, must reproduce them (relative difference at most
 * {@code tolerance} of each vector's largest value) before it embeds anything.
 *
 * @param network       {@link Architecture#id()}
 * @param inputSize     the side the images are resized to
 * @param preprocessing as the network expects its pixels
 * @param featureLayer  the layer the vectors are taken from
 * @param madeWith      the file the vectors were computed with, for the record
 * @param images        the probe images (PNG bytes, base64) and their vectors
 */
public record ProbeVectors(String network, int inputSize, String preprocessing, String featureLayer,
                           double tolerance, String madeWith, List<Image> images) {

    /** One probe image. */
    public record Image(String name, String sha256, String png, float[] vector) {
        public byte[] pngBytes() {
            return Base64.getDecoder().decode(png);
        }
    }

    private static final String FOLDER = "/org/tlrepro/core/embed/probes/";

    /** The committed probe vectors of {@code architecture}, if it has some. */
    public static Optional<Committed> of(Architecture architecture) {
        if (architecture.probe() == null) {
            return Optional.empty();
        }
        String resource = FOLDER + architecture.probe() + ".json";
        try (InputStream in = ProbeVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the probe vectors " + resource + " are missing from tl-core");
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Committed(Json.MAPPER.readValue(bytes, ProbeVectors.class), resource,
                    Sha256.hex(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Probe vectors as committed, with where they are and their SHA-256 (which identifies the network). */
    public record Committed(ProbeVectors probe, String resource, String sha256) {
    }

    public Preprocessing preprocessingMode() {
        return Preprocessing.parse(preprocessing);
    }

    /**
     * Embeds the probe images with {@code embedder} and compares.
     *
     * @param file   the model file, for the message
     * @param source how it was described (name, checksum, origin), for the message
     * @throws TlException naming the file, the image and the difference, if any vector is off
     */
    public void check(KerasEmbedder embedder, Path file, String source) {
        List<byte[]> encoded = images.stream().map(Image::pngBytes).toList();
        float[][] got = embedder.embed(encoded, images.stream().map(Image::name).toList(), inputSize,
                preprocessingMode());
        for (int i = 0; i < images.size(); i++) {
            float[] want = images.get(i).vector();
            if (got[i].length != want.length) {
                throw new TlException(file + " (" + source + ") gives " + got[i].length + " values per image at "
                        + featureLayer + ", not the " + want.length + " of " + network + ": it is not that network. "
                        + "Remove it from the mirror or cache, or set tl.architecture to the network it is");
            }
            double scale = 0;
            double error = 0;
            for (int k = 0; k < want.length; k++) {
                scale = Math.max(scale, Math.abs(want[k]));
                error = Math.max(error, Math.abs(got[i][k] - want[k]));
            }
            if (error > tolerance * Math.max(scale, 1e-12)) {
                throw new TlException(String.format(Locale.ROOT, "%s (%s) does not reproduce the committed probe "
                        + "vectors of %s: on %s its %s values differ by up to %.3g, %.2g of the largest (at most %.0e "
                        + "is allowed). It is not the network it is configured as: remove it from the mirror or "
                        + "cache and let tl fetch the published file, or set tl.architecture=keras-model if it is "
                        + "another network on purpose", file, source, network, images.get(i).name(), featureLayer,
                        error, error / scale, tolerance));
            }
        }
    }
}
