package org.tlrepro.core.embed.keras;

import java.util.List;

/**
 * Inception V3 as {@code keras_applications/inception_v3.py} 1.0.8 builds it (Keras 2.2.4, channels-last), without
 * the classifier: every {@code conv2d_bn} is a bias-free {@code Conv2D}, a {@code BatchNormalization(scale=False)}
 * and a ReLU, all unnamed (so {@code conv2d_1..94}, {@code batch_normalization_1..94}, as Keras names them in a fresh
 * session); the blocks end in the concatenations {@code mixed0..mixed10}; then global average pooling named
 * {@code avg_pool} as in the {@code include_top} model, giving 2,048 values. 21,802,784 parameters.
 */
final class InceptionV3Topology {

    private InceptionV3Topology() {
    }

    static String json(int inputSize) {
        KerasModelConfig m = new KerasModelConfig();
        String x = m.input(inputSize);
        x = convBn(m, x, 32, 3, 3, 2, "valid");
        x = convBn(m, x, 32, 3, 3, 1, "valid");
        x = convBn(m, x, 64, 3, 3, 1, "same");
        x = m.maxPool(x, null, 3, 2, "valid");
        x = convBn(m, x, 80, 1, 1, 1, "valid");
        x = convBn(m, x, 192, 3, 3, 1, "valid");
        x = m.maxPool(x, null, 3, 2, "valid");

        // mixed 0, 1, 2: 35 x 35 x 256, 288, 288
        for (int i = 0; i < 3; i++) {
            String branch1x1 = convBn(m, x, 64, 1, 1, 1, "same");
            String branch5x5 = convBn(m, x, 48, 1, 1, 1, "same");
            branch5x5 = convBn(m, branch5x5, 64, 5, 5, 1, "same");
            String branch3x3dbl = convBn(m, x, 64, 1, 1, 1, "same");
            branch3x3dbl = convBn(m, branch3x3dbl, 96, 3, 3, 1, "same");
            branch3x3dbl = convBn(m, branch3x3dbl, 96, 3, 3, 1, "same");
            String branchPool = m.averagePool(x, null, 3, 1, "same");
            branchPool = convBn(m, branchPool, i == 0 ? 32 : 64, 1, 1, 1, "same");
            x = m.concatenate(List.of(branch1x1, branch5x5, branch3x3dbl, branchPool), "mixed" + i);
        }

        // mixed 3: 17 x 17 x 768
        String branch3x3 = convBn(m, x, 384, 3, 3, 2, "valid");
        String branch3x3dbl = convBn(m, x, 64, 1, 1, 1, "same");
        branch3x3dbl = convBn(m, branch3x3dbl, 96, 3, 3, 1, "same");
        branch3x3dbl = convBn(m, branch3x3dbl, 96, 3, 3, 2, "valid");
        String branchPool = m.maxPool(x, null, 3, 2, "valid");
        x = m.concatenate(List.of(branch3x3, branch3x3dbl, branchPool), "mixed3");

        // mixed 4, 5, 6, 7: 17 x 17 x 768
        int[] widths = {128, 160, 160, 192};
        for (int i = 0; i < 4; i++) {
            int w = widths[i];
            String branch1x1 = convBn(m, x, 192, 1, 1, 1, "same");
            String branch7x7 = convBn(m, x, w, 1, 1, 1, "same");
            branch7x7 = convBn(m, branch7x7, w, 1, 7, 1, "same");
            branch7x7 = convBn(m, branch7x7, 192, 7, 1, 1, "same");
            String branch7x7dbl = convBn(m, x, w, 1, 1, 1, "same");
            branch7x7dbl = convBn(m, branch7x7dbl, w, 7, 1, 1, "same");
            branch7x7dbl = convBn(m, branch7x7dbl, w, 1, 7, 1, "same");
            branch7x7dbl = convBn(m, branch7x7dbl, w, 7, 1, 1, "same");
            branch7x7dbl = convBn(m, branch7x7dbl, 192, 1, 7, 1, "same");
            String pool = m.averagePool(x, null, 3, 1, "same");
            pool = convBn(m, pool, 192, 1, 1, 1, "same");
            x = m.concatenate(List.of(branch1x1, branch7x7, branch7x7dbl, pool), "mixed" + (4 + i));
        }

        // mixed 8: 8 x 8 x 1280
        branch3x3 = convBn(m, x, 192, 1, 1, 1, "same");
        branch3x3 = convBn(m, branch3x3, 320, 3, 3, 2, "valid");
        String branch7x7x3 = convBn(m, x, 192, 1, 1, 1, "same");
        branch7x7x3 = convBn(m, branch7x7x3, 192, 1, 7, 1, "same");
        branch7x7x3 = convBn(m, branch7x7x3, 192, 7, 1, 1, "same");
        branch7x7x3 = convBn(m, branch7x7x3, 192, 3, 3, 2, "valid");
        branchPool = m.maxPool(x, null, 3, 2, "valid");
        x = m.concatenate(List.of(branch3x3, branch7x7x3, branchPool), "mixed8");

        // mixed 9, 10: 8 x 8 x 2048
        for (int i = 0; i < 2; i++) {
            String branch1x1 = convBn(m, x, 320, 1, 1, 1, "same");
            String b3 = convBn(m, x, 384, 1, 1, 1, "same");
            String b3a = convBn(m, b3, 384, 1, 3, 1, "same");
            String b3b = convBn(m, b3, 384, 3, 1, 1, "same");
            b3 = m.concatenate(List.of(b3a, b3b), "mixed9_" + i);
            String dbl = convBn(m, x, 448, 1, 1, 1, "same");
            dbl = convBn(m, dbl, 384, 3, 3, 1, "same");
            String dblA = convBn(m, dbl, 384, 1, 3, 1, "same");
            String dblB = convBn(m, dbl, 384, 3, 1, 1, "same");
            dbl = m.concatenate(List.of(dblA, dblB), null);
            String pool = m.averagePool(x, null, 3, 1, "same");
            pool = convBn(m, pool, 192, 1, 1, 1, "same");
            x = m.concatenate(List.of(branch1x1, b3, dbl, pool), "mixed" + (9 + i));
        }

        x = m.globalAveragePool(x, "avg_pool");
        return m.toJson("inception_v3", x);
    }

    /** {@code conv2d_bn(x, filters, rows, cols, padding, strides)} with {@code name=None}. */
    private static String convBn(KerasModelConfig m, String in, int filters, int rows, int cols, int stride,
                                 String padding) {
        String x = m.conv(in, null, filters, rows, cols, stride, padding, false, false);
        x = m.batchNorm(x, null, false);
        return m.relu(x, null);
    }
}
