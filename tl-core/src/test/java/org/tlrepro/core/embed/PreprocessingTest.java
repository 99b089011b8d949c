package org.tlrepro.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class PreprocessingTest {

    private static final double[] MEAN_BGR = {103.939, 116.779, 123.68};
    private static final int SIZE = 5;
    private static final int OFFSET = 7;

    private static byte[] randomImage(long seed) {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        new Random(seed).nextBytes(rgb);
        return rgb;
    }

    private static int rgbAt(byte[] rgb, int y, int x, int c) {
        return rgb[(y * SIZE + x) * 3 + c] & 0xff;
    }

    private static float at(float[] out, boolean channelsFirst, int y, int x, int ch) {
        return out[OFFSET + (channelsFirst ? ch * SIZE * SIZE + y * SIZE + x : (y * SIZE + x) * 3 + ch)];
    }

    private static float[] run(Preprocessing p, byte[] rgb, boolean channelsFirst) {
        float[] out = new float[OFFSET + SIZE * SIZE * 3 + 4];
        Arrays.fill(out, Float.NaN);
        p.apply(rgb, SIZE, channelsFirst, out, OFFSET);
        for (int i = 0; i < out.length; i++) {
            boolean inside = i >= OFFSET && i < OFFSET + SIZE * SIZE * 3;
            assertEquals(inside, !Float.isNaN(out[i]), "written at " + i);
        }
        return out;
    }

    @Test
    void caffeIsBgrMinusTheChannelMeans() {
        byte[] rgb = randomImage(1);
        for (boolean channelsFirst : new boolean[] {true, false}) {
            float[] out = run(Preprocessing.CAFFE, rgb, channelsFirst);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    for (int k = 0; k < 3; k++) {
                        double expected = rgbAt(rgb, y, x, 2 - k) - MEAN_BGR[k];
                        assertEquals(expected, at(out, channelsFirst, y, x, k), 1e-4,
                                "channelsFirst=" + channelsFirst + " y=" + y + " x=" + x + " k=" + k);
                    }
                }
            }
        }
    }

    @Test
    void caffeOnOneKnownPixel() {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        int p = (2 * SIZE + 3) * 3; // y=2, x=3
        rgb[p] = 10;                // R
        rgb[p + 1] = 20;            // G
        rgb[p + 2] = (byte) 200;    // B
        float[] first = run(Preprocessing.CAFFE, rgb, true);
        assertEquals(200 - 103.939, at(first, true, 2, 3, 0), 1e-4);
        assertEquals(20 - 116.779, at(first, true, 2, 3, 1), 1e-4);
        assertEquals(10 - 123.68, at(first, true, 2, 3, 2), 1e-4);
        float[] last = run(Preprocessing.CAFFE, rgb, false);
        assertEquals(200 - 103.939, last[OFFSET + p], 1e-4);
        assertEquals(20 - 116.779, last[OFFSET + p + 1], 1e-4);
        assertEquals(10 - 123.68, last[OFFSET + p + 2], 1e-4);
    }

    @Test
    void tfScalesToMinusOneOneInRgbOrder() {
        byte[] rgb = randomImage(2);
        rgb[0] = (byte) 255;
        rgb[1] = 0;
        for (boolean channelsFirst : new boolean[] {true, false}) {
            float[] out = run(Preprocessing.TF, rgb, channelsFirst);
            assertEquals(1f, at(out, channelsFirst, 0, 0, 0), 1e-6);
            assertEquals(-1f, at(out, channelsFirst, 0, 0, 1), 1e-6);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    for (int c = 0; c < 3; c++) {
                        double expected = rgbAt(rgb, y, x, c) / 127.5 - 1;
                        assertEquals(expected, at(out, channelsFirst, y, x, c), 1e-6,
                                "channelsFirst=" + channelsFirst + " y=" + y + " x=" + x + " c=" + c);
                    }
                }
            }
        }
    }

    @Test
    void layoutsHoldTheSameValues() {
        byte[] rgb = randomImage(3);
        for (Preprocessing p : Preprocessing.values()) {
            float[] first = run(p, rgb, true);
            float[] last = run(p, rgb, false);
            int plane = SIZE * SIZE;
            for (int i = 0; i < plane; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(first[OFFSET + ch * plane + i], last[OFFSET + i * 3 + ch], p + " at " + i);
                }
            }
        }
    }

    @Test
    void parseIgnoresCaseAndRejectsUnknownNames() {
        assertEquals(Preprocessing.CAFFE, Preprocessing.parse("caffe"));
        assertEquals(Preprocessing.CAFFE, Preprocessing.parse("CaFfE"));
        assertEquals(Preprocessing.TF, Preprocessing.parse("TF"));
        assertEquals(Preprocessing.TF, Preprocessing.parse(" tf "));
        TlException e = assertThrows(TlException.class, () -> Preprocessing.parse("torch"));
        assertTrue(e.getMessage().contains("tl.preprocessing"), e.getMessage());
        assertTrue(e.getMessage().contains("torch"), e.getMessage());
    }
}
