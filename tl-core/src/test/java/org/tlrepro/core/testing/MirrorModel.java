package org.tlrepro.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.tlrepro.core.io.Sha256;

/**
 * The workplace mirror's whole ResNet50 model file ({@code resnet50-imagenet-keras.h5}, Keras 2.2.4 format, ImageNet
 * weights), for the tests that check tl's own ResNet50 and the probe vectors against it. Found in the folder named
 * by the system property {@code tl.test.mirror}, else in {@code ../../shared/mirror} beside the repository (where CI
 * has it), else in the user's tl cache; verified by its SHA-256.
 */
public final class MirrorModel {

    public static final String FILE_NAME = "resnet50-imagenet-keras.h5";
    public static final String SHA256 = "606f3755dd48952c5b1d5eb28376ff2c4cc28a78cd28029a1bc64fb51f73356f";

    private MirrorModel() {
    }

    /** The verified file, if this machine has it. */
    public static Optional<Path> find() {
        for (String dir : new String[] {System.getProperty("tl.test.mirror"), "../../shared/mirror",
                "../shared/mirror", System.getProperty("user.home") + "/.cache/tl"}) {
            if (dir == null) {
                continue;
            }
            Path p = Path.of(dir).resolve(FILE_NAME).toAbsolutePath().normalize();
            if (Files.isRegularFile(p) && Sha256.ofFile(p).equals(SHA256)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
