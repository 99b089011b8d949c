package org.tlrepro.core.embed.keras;

import java.util.List;

/**
 * ResNet50 as {@code keras_applications/resnet50.py} 1.0.8 builds it (Keras 2.2.4, channels-last), without the
 * classifier: {@code conv1_pad}, {@code conv1} 7x7/2, {@code bn_conv1}, ReLU, {@code pool1_pad}, 3x3/2 max pool,
 * stages 2-5 of bottleneck blocks ({@code res<stage><block>_branch2a|2b|2c}, {@code bn...}, shortcut
 * {@code ..._branch1} in each stage's first block), then global average pooling named {@code avg_pool} as in the
 * {@code include_top} model, giving 2,048 values. Batch normalisation: Keras's epsilon 1e-3; convolutions with bias.
 */
final class ResNet50Topology {

    private ResNet50Topology() {
    }

    static String json(int inputSize) {
        KerasModelConfig m = new KerasModelConfig();
        String x = m.input(inputSize);
        x = m.zeroPadding(x, "conv1_pad", 3);
        x = m.conv(x, "conv1", 64, 7, 7, 2, "valid", true, true);
        x = m.batchNorm(x, "bn_conv1", true);
        x = m.relu(x, null);
        x = m.zeroPadding(x, "pool1_pad", 1);
        x = m.maxPool(x, null, 3, 2, "valid");

        x = convBlock(m, x, 3, new int[] {64, 64, 256}, 2, "a", 1);
        x = identityBlock(m, x, 3, new int[] {64, 64, 256}, 2, "b");
        x = identityBlock(m, x, 3, new int[] {64, 64, 256}, 2, "c");

        x = convBlock(m, x, 3, new int[] {128, 128, 512}, 3, "a", 2);
        for (String block : List.of("b", "c", "d")) {
            x = identityBlock(m, x, 3, new int[] {128, 128, 512}, 3, block);
        }

        x = convBlock(m, x, 3, new int[] {256, 256, 1024}, 4, "a", 2);
        for (String block : List.of("b", "c", "d", "e", "f")) {
            x = identityBlock(m, x, 3, new int[] {256, 256, 1024}, 4, block);
        }

        x = convBlock(m, x, 3, new int[] {512, 512, 2048}, 5, "a", 2);
        x = identityBlock(m, x, 3, new int[] {512, 512, 2048}, 5, "b");
        x = identityBlock(m, x, 3, new int[] {512, 512, 2048}, 5, "c");

        x = m.globalAveragePool(x, "avg_pool");
        return m.toJson("resnet50", x);
    }

    private static String identityBlock(KerasModelConfig m, String in, int kernel, int[] filters, int stage,
                                        String block) {
        String conv = "res" + stage + block + "_branch";
        String bn = "bn" + stage + block + "_branch";
        String x = m.conv(in, conv + "2a", filters[0], 1, 1, 1, "valid", true, true);
        x = m.batchNorm(x, bn + "2a", true);
        x = m.relu(x, null);
        x = m.conv(x, conv + "2b", filters[1], kernel, kernel, 1, "same", true, true);
        x = m.batchNorm(x, bn + "2b", true);
        x = m.relu(x, null);
        x = m.conv(x, conv + "2c", filters[2], 1, 1, 1, "valid", true, true);
        x = m.batchNorm(x, bn + "2c", true);
        x = m.add(List.of(x, in), null);
        return m.relu(x, null);
    }

    private static String convBlock(KerasModelConfig m, String in, int kernel, int[] filters, int stage,
                                    String block, int stride) {
        String conv = "res" + stage + block + "_branch";
        String bn = "bn" + stage + block + "_branch";
        String x = m.conv(in, conv + "2a", filters[0], 1, 1, stride, "valid", true, true);
        x = m.batchNorm(x, bn + "2a", true);
        x = m.relu(x, null);
        x = m.conv(x, conv + "2b", filters[1], kernel, kernel, 1, "same", true, true);
        x = m.batchNorm(x, bn + "2b", true);
        x = m.relu(x, null);
        x = m.conv(x, conv + "2c", filters[2], 1, 1, 1, "valid", true, true);
        x = m.batchNorm(x, bn + "2c", true);
        String shortcut = m.conv(in, conv + "1", filters[2], 1, 1, stride, "valid", true, true);
        shortcut = m.batchNorm(shortcut, bn + "1", true);
        x = m.add(List.of(x, shortcut), null);
        return m.relu(x, null);
    }
}
