package org.tlrepro.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;

class NpyTest {

    @TempDir
    Path tmp;

    private static Npy.UInt8Tensor random(int... shape) {
        byte[] data = new byte[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        new Random(Arrays.hashCode(shape)).nextBytes(data);
        return new Npy.UInt8Tensor(shape, data);
    }

    private static int headerLength(byte[] file) {
        return (file[8] & 0xff) | (file[9] & 0xff) << 8;
    }

    @Test
    void writeThenReadRoundTrips() {
        for (int[] shape : new int[][] {{3, 5, 4, 3}, {7}, {1, 1}, {0, 50, 50, 3}, {2, 300, 3}}) {
            Npy.UInt8Tensor tensor = random(shape);
            Path file = tmp.resolve("t" + Arrays.toString(shape) + ".npy");
            Npy.write(file, tensor);
            Npy.UInt8Tensor back = Npy.read(file);
            assertArrayEquals(shape, back.shape());
            assertArrayEquals(tensor.data(), back.data());
        }
    }

    @Test
    void theHeaderIsNumpyVersionOnePaddedTo64Bytes() throws Exception {
        for (int[] shape : new int[][] {{3, 5, 4, 3}, {7}, {12345, 50, 50, 3}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npy.writeUInt8(out, shape);
            byte[] bytes = out.toByteArray();
            assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, Arrays.copyOf(bytes, 6));
            assertEquals(1, bytes[6]);
            assertEquals(0, bytes[7]);
            int len = headerLength(bytes);
            assertEquals(0, (len + 10) % 64, "header length " + len);
            assertEquals(len + 10, bytes.length, "nothing but the header is written");
            String header = new String(bytes, 10, len, StandardCharsets.US_ASCII);
            assertTrue(header.endsWith("\n"), header);
            assertTrue(header.startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': ("), header);
        }
    }

    @Test
    void theShapeIsWrittenAsAPythonTuple() throws Exception {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        Npy.writeUInt8(one, new int[] {7});
        assertTrue(one.toString(StandardCharsets.US_ASCII).contains("'shape': (7,)"));
        ByteArrayOutputStream four = new ByteArrayOutputStream();
        Npy.writeUInt8(four, new int[] {2, 50, 50, 3});
        assertTrue(four.toString(StandardCharsets.US_ASCII).contains("'shape': (2, 50, 50, 3)"));
    }

    @Test
    void aTensorNeedsDataForItsShape() {
        assertThrows(IllegalArgumentException.class, () -> new Npy.UInt8Tensor(new int[] {2, 3}, new byte[5]));
    }

    @Test
    void readingATruncatedFileFails() throws Exception {
        Path whole = tmp.resolve("whole.npy");
        Npy.write(whole, random(4, 6, 6, 3));
        byte[] bytes = Files.readAllBytes(whole);
        int dataStart = 10 + headerLength(bytes);
        Path cut = tmp.resolve("cut.npy");
        for (int length = 0; length < bytes.length; length++) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            TlException e = assertThrows(TlException.class, () -> Npy.read(cut), "cut at " + length);
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
            if (length > dataStart) {
                assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            }
        }
    }

    @Test
    void readingAnotherFormatFails() throws Exception {
        Path text = tmp.resolve("text.npy");
        Files.writeString(text, "not a numpy file at all, but long enough to have a header");
        TlException e = assertThrows(TlException.class, () -> Npy.read(text));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    }
}
