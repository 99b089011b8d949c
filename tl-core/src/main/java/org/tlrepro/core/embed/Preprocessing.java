package org.tlrepro.core.embed;

import org.tlrepro.core.param.Choices;

/** How an ImageNet network expects its RGB pixels, as Keras Applications defines the modes. */
public enum Preprocessing {
    /** ResNet50, VGG: RGB to BGR, minus the ImageNet channel means, no scaling. */
    CAFFE,
    /** Inception V3, Xception, MobileNet: scaled to [-1, 1]. */
    TF;

    private static final float[] CAFFE_MEAN_BGR = {103.939f, 116.779f, 123.68f};

    /**
     * Writes the network input for one image into {@code out}.
     *
     * @param rgb           row-major RGB pixels, size x size x 3
     * @param channelsFirst layout of the output: [3, size, size] or [size, size, 3]
     */
    void apply(byte[] rgb, int size, boolean channelsFirst, float[] out, int offset) {
        int plane = size * size;
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                float v = rgb[p * 3 + c] & 0xff;
                // CAFFE feeds BGR: output channel k holds input channel 2 - k
                int channel = this == CAFFE ? 2 - c : c;
                float value = this == CAFFE ? v - CAFFE_MEAN_BGR[channel] : v / 127.5f - 1f;
                out[offset + (channelsFirst ? channel * plane + p : p * 3 + channel)] = value;
            }
        }
    }

    public static Preprocessing parse(String value) {
        return Choices.parse(Preprocessing.class, value, "tl.preprocessing",
                "caffe (ResNet50, VGG) or tf (Inception V3)");
    }
}
