package org.tlrepro.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's SHA-256 and MD5, as lower-case hex, computed in one pass: SHA-256 is what tl publishes, MD5 what Keras
 * publishes and checks for its weight files.
 */
public record FileDigest(String sha256, String md5) {

    public static FileDigest of(Path file) {
        Accumulator acc = new Accumulator();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                acc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return acc.digest();
    }

    /** Both digests of a stream of bytes, fed in pieces (a download as it arrives). */
    public static final class Accumulator {
        private final MessageDigest sha256 = Sha256.newDigest();
        private final MessageDigest md5;

        public Accumulator() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has MD5", e);
            }
        }

        public void update(byte[] data, int offset, int length) {
            sha256.update(data, offset, length);
            md5.update(data, offset, length);
        }

        public FileDigest digest() {
            return new FileDigest(HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()));
        }
    }
}
