package org.tlrepro.core.tensor;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tlrepro.core.TlException;

/**
 * Reads and writes unsigned 8-bit tensors in NumPy's {@code .npy} format (version 1.0, C order), so that the
 * prepared images open with {@code numpy.load} as well as in tl.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([0-9,\\s]*)\\)");

    private Npy() {
    }

    /** A C-order uint8 tensor. */
    public record UInt8Tensor(int[] shape, byte[] data) {
        public UInt8Tensor {
            long n = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
            if (n != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                        + " values, data has " + data.length);
            }
        }
    }

    public static void writeUInt8(OutputStream out, int[] shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String dimText = shape.length == 1 ? dims.toString().trim() : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + dimText + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        out.write(MAGIC);
        out.write(new byte[] {1, 0});
        int len = header.length();
        out.write(new byte[] {(byte) (len & 0xff), (byte) (len >>> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    public static void write(Path file, UInt8Tensor tensor) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeUInt8(out, tensor.shape());
            out.write(tensor.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static UInt8Tensor read(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            byte[] preamble = in.readNBytes(MAGIC.length + 4);
            if (preamble.length < MAGIC.length + 4
                    || !Arrays.equals(Arrays.copyOf(preamble, MAGIC.length), MAGIC) || preamble[6] != 1) {
                throw new TlException(file + " is not a NumPy 1.0 .npy file");
            }
            int len = (preamble[8] & 0xff) | (preamble[9] & 0xff) << 8;
            String header = new String(in.readNBytes(len), StandardCharsets.US_ASCII);
            if (!header.contains("'descr': '|u1'") || !header.contains("'fortran_order': False")) {
                throw new TlException(file + " is not a C-order uint8 tensor: " + header.trim());
            }
            Matcher m = SHAPE.matcher(header);
            if (!m.find()) {
                throw new TlException(file + " has no shape in its header: " + header.trim());
            }
            int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            long n = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
            byte[] data = in.readNBytes(Math.toIntExact(n));
            if (data.length != n) {
                throw new TlException(file + " is truncated: " + data.length + " of " + n + " values");
            }
            return new UInt8Tensor(shape, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
