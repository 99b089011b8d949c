package org.tlrepro.core.prepare;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.prepare.ImageDecoder.DecodedImage;
import org.tlrepro.core.testing.SyntheticDataset;

class ImageDecoderTest {

    /** A PNG of the given interleaved 8-bit values (channel order as OpenCV stores them: B, G, R[, A]). */
    private static byte[] png8(int width, int height, int type, byte[] values) {
        try (Mat mat = new Mat(height, width, type)) {
            mat.data().put(values);
            return SyntheticDataset.encodePng(mat);
        }
    }

    private static byte[] png16(int width, int height, short[] values) {
        try (Mat mat = new Mat(height, width, CV_16UC3)) {
            new ShortPointer(mat.data()).put(values);
            return SyntheticDataset.encodePng(mat);
        }
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Bilinear resize with half-pixel centres and clamped borders, as OpenCV's INTER_LINEAR defines it. */
    private static double bilinear(DecodedImage src, int dstW, int dstH, int dy, int dx, int c) {
        double sy = Math.max(0, (dy + 0.5) * src.height() / dstH - 0.5);
        double sx = Math.max(0, (dx + 0.5) * src.width() / dstW - 0.5);
        int y0 = Math.min((int) Math.floor(sy), src.height() - 1);
        int x0 = Math.min((int) Math.floor(sx), src.width() - 1);
        int y1 = Math.min(y0 + 1, src.height() - 1);
        int x1 = Math.min(x0 + 1, src.width() - 1);
        double fy = sy - Math.floor(sy);
        double fx = sx - Math.floor(sx);
        double top = (1 - fx) * src.at(y0, x0, c) + fx * src.at(y0, x1, c);
        double bottom = (1 - fx) * src.at(y1, x0, c) + fx * src.at(y1, x1, c);
        return (1 - fy) * top + fy * bottom;
    }

    @Test
    void anExactHalvingAveragesEachTwoByTwoBlock() {
        byte[] png = SyntheticDataset.randomPng(new Random(11), 20, 20, 0);
        DecodedImage full = ImageDecoder.decode(png, "random.png");
        assertEquals(20, full.width());
        assertEquals(20, full.height());

        DecodedImage small = ImageDecoder.decodeResized(png, "random.png", 10, 10);
        assertEquals(10, small.width());
        assertEquals(10, small.height());
        assertEquals(10 * 10 * 3, small.pixels().length);
        int worst = 0;
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = full.at(2 * y, 2 * x, c) + full.at(2 * y, 2 * x + 1, c)
                            + full.at(2 * y + 1, 2 * x, c) + full.at(2 * y + 1, 2 * x + 1, c);
                    int expected = (int) Math.round(sum / 4.0);
                    int diff = Math.abs(expected - small.at(y, x, c));
                    worst = Math.max(worst, diff);
                    assertTrue(diff <= 1, "pixel (" + y + ", " + x + ", " + c + "): expected " + expected
                            + ", got " + small.at(y, x, c));
                }
            }
        }
        assertTrue(worst <= 1);
    }

    @Test
    void aNonIntegerUpscaleMatchesBilinearInterpolation() {
        byte[] png = SyntheticDataset.randomPng(new Random(12), 37, 23, 0);
        DecodedImage full = ImageDecoder.decode(png, "random.png");
        assertEquals(37, full.width());
        assertEquals(23, full.height());

        DecodedImage big = ImageDecoder.decodeResized(png, "random.png", 50, 50);
        assertEquals(50, big.width());
        assertEquals(50, big.height());
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 50; x++) {
                for (int c = 0; c < 3; c++) {
                    long expected = Math.round(bilinear(full, 50, 50, y, x, c));
                    assertTrue(Math.abs(expected - big.at(y, x, c)) <= 1, "pixel (" + y + ", " + x + ", " + c
                            + "): expected " + expected + ", got " + big.at(y, x, c));
                }
            }
        }
    }

    @Test
    void aNonIntegerDownscaleMatchesBilinearInterpolation() {
        byte[] png = SyntheticDataset.randomPng(new Random(13), 64, 71, 0);
        DecodedImage full = ImageDecoder.decode(png, "random.png");
        DecodedImage small = ImageDecoder.decodeResized(png, "random.png", 50, 50);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 50; x++) {
                for (int c = 0; c < 3; c++) {
                    long expected = Math.round(bilinear(full, 50, 50, y, x, c));
                    assertTrue(Math.abs(expected - small.at(y, x, c)) <= 1, "pixel (" + y + ", " + x + ", " + c
                            + "): expected " + expected + ", got " + small.at(y, x, c));
                }
            }
        }
    }

    @Test
    void opencvRedDecodesToRgbRed() {
        byte[] bgr = new byte[6 * 4 * 3];
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i + 2] = (byte) 255; // B = 0, G = 0, R = 255
        }
        byte[] png = png8(6, 4, CV_8UC3, bgr);
        for (DecodedImage image : new DecodedImage[] {ImageDecoder.decode(png, "red.png"),
                ImageDecoder.decodeResized(png, "red.png", 3, 5)}) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    assertEquals(255, image.at(y, x, 0));
                    assertEquals(0, image.at(y, x, 1));
                    assertEquals(0, image.at(y, x, 2));
                }
            }
        }
    }

    @Test
    void channelsAreSwappedPixelByPixel() {
        byte[] bgr = randomBytes(new Random(14), 9 * 7 * 3);
        DecodedImage image = ImageDecoder.decode(png8(9, 7, CV_8UC3, bgr), "random.png");
        for (int i = 0; i < 9 * 7; i++) {
            assertEquals(bgr[3 * i + 2], image.pixels()[3 * i]);
            assertEquals(bgr[3 * i + 1], image.pixels()[3 * i + 1]);
            assertEquals(bgr[3 * i], image.pixels()[3 * i + 2]);
        }
    }

    @Test
    void greyDecodesToEqualChannels() {
        byte[] grey = randomBytes(new Random(15), 11 * 5);
        DecodedImage image = ImageDecoder.decode(png8(11, 5, CV_8UC1, grey), "grey.png");
        assertEquals(11, image.width());
        assertEquals(5, image.height());
        assertEquals(11 * 5 * 3, image.pixels().length);
        for (int i = 0; i < grey.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(grey[i] & 0xff, image.pixels()[3 * i + c] & 0xff, "pixel " + i + " channel " + c);
            }
        }
        DecodedImage resized = ImageDecoder.decodeResized(png8(11, 5, CV_8UC1, grey), "grey.png", 8, 8);
        assertEquals(8 * 8 * 3, resized.pixels().length);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(resized.at(y, x, 0), resized.at(y, x, 1));
                assertEquals(resized.at(y, x, 0), resized.at(y, x, 2));
            }
        }
    }

    @Test
    void rgbaDropsTheAlphaChannel() {
        byte[] bgra = randomBytes(new Random(16), 6 * 8 * 4);
        DecodedImage image = ImageDecoder.decode(png8(6, 8, CV_8UC4, bgra), "rgba.png");
        assertEquals(6, image.width());
        assertEquals(8, image.height());
        assertEquals(6 * 8 * 3, image.pixels().length);
        for (int i = 0; i < 6 * 8; i++) {
            assertEquals(bgra[4 * i + 2], image.pixels()[3 * i], "R of pixel " + i);
            assertEquals(bgra[4 * i + 1], image.pixels()[3 * i + 1], "G of pixel " + i);
            assertEquals(bgra[4 * i], image.pixels()[3 * i + 2], "B of pixel " + i);
        }
    }

    @Test
    void sixteenBitDecodesToItsHighByte() {
        Random random = new Random(17);
        short[] bgr16 = new short[7 * 5 * 3];
        for (int i = 0; i < bgr16.length; i++) {
            bgr16[i] = (short) random.nextInt(65536);
        }
        DecodedImage image = ImageDecoder.decode(png16(7, 5, bgr16), "deep.png");
        assertEquals(7, image.width());
        assertEquals(5, image.height());
        assertEquals(7 * 5 * 3, image.pixels().length);
        for (int i = 0; i < 7 * 5; i++) {
            for (int c = 0; c < 3; c++) {
                int expected = (bgr16[3 * i + (2 - c)] & 0xffff) >> 8;
                int actual = image.pixels()[3 * i + c] & 0xff;
                assertTrue(Math.abs(expected - actual) <= 1, "pixel " + i + " channel " + c + ": expected "
                        + expected + ", got " + actual);
            }
        }
    }

    @Test
    void theSyntheticOddFormatsDecodeToEightBitRgbOfTheirSize() {
        Random random = new Random(18);
        for (int kind = 0; kind < 4; kind++) {
            byte[] png = SyntheticDataset.randomPng(random, 13 + kind, 9, kind);
            DecodedImage image = ImageDecoder.decode(png, "kind" + kind + ".png");
            assertEquals(13 + kind, image.width());
            assertEquals(9, image.height());
            assertEquals((13 + kind) * 9 * 3, image.pixels().length);
            DecodedImage resized = ImageDecoder.decodeResized(png, "kind" + kind + ".png", 10, 10);
            assertEquals(300, resized.pixels().length);
        }
    }

    @Test
    void aTruncatedPngNamesTheImage() {
        byte[] png = SyntheticDataset.randomPng(new Random(19), 30, 30, 0);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        TlException e = assertThrows(TlException.class,
                () -> ImageDecoder.decodeResized(truncated, "cell_images.zip!/x/truncated.png", 10, 10));
        assertTrue(e.getMessage().contains("cell_images.zip!/x/truncated.png"), e.getMessage());
        assertThrows(TlException.class, () -> ImageDecoder.decode(truncated, "truncated.png"));
    }

    @Test
    void randomBytesNameTheImage() {
        byte[] junk = randomBytes(new Random(20), 500);
        TlException e = assertThrows(TlException.class, () -> ImageDecoder.decode(junk, "junk.png"));
        assertTrue(e.getMessage().contains("junk.png"), e.getMessage());
    }
}
