package org.tlrepro.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.tlrepro.core.io.Sha256;

/**
 * The tiny Keras model fixture ({@code org/tlrepro/core/embed/tiny-keras-cnn.h5}: 16x16x3 input, a 5-value
 * {@code avg_pool} layer), for tests and integration-test scripts that need a real model file on disk.
 */
public final class TinyKerasModel {

    public static final String FILE_NAME = "tiny-keras-cnn.h5";
    public static final int INPUT_SIZE = 16;
    public static final int DIMENSION = 5;

    private TinyKerasModel() {
    }

    /** Copies the model into {@code dir} and returns its path. */
    public static Path copyTo(Path dir) {
        try (InputStream in = TinyKerasModel.class.getResourceAsStream("/org/tlrepro/core/embed/" + FILE_NAME)) {
            Files.createDirectories(dir);
            Path target = dir.resolve(FILE_NAME);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the fixture. */
    public static String sha256(Path copy) {
        return Sha256.ofFile(copy);
    }
}
