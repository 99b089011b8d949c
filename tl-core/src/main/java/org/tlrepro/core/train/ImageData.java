package org.tlrepro.core.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tlrepro.core.TlException;
import org.tlrepro.core.prepare.PreparedData;
import org.tlrepro.core.prepare.PreparedIndex;
import org.tlrepro.core.tensor.NdArrays;
import org.tlrepro.core.tensor.Npy;

/**
 * The prepared images in memory as the network takes them: float [N, 3, size, size] scaled to [0, 1]
 * (DL4J's channels-first layout), with one integer label per image.
 */
public record ImageData(INDArray features, int[] labels, int classes, int imageSize) {

    public static ImageData load(PreparedData data) {
        Npy.UInt8Tensor tensor = Npy.read(data.images());
        PreparedIndex index = PreparedIndex.read(data.index());
        int[] shape = tensor.shape();
        if (shape.length != 4 || shape[3] != 3 || shape[1] != shape[2] || shape[0] != index.rows().size()) {
            throw new TlException(data.images() + " does not match " + data.index() + ": run tl:prepare again");
        }
        int n = shape[0];
        int size = shape[1];
        float[] values = new float[tensor.data().length];
        int plane = size * size;
        byte[] raw = tensor.data();
        for (int i = 0; i < n; i++) {
            int base = i * plane * 3;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    values[base + c * plane + p] = (raw[base + p * 3 + c] & 0xff) / 255f;
                }
            }
        }
        int[] labels = index.rows().stream().mapToInt(PreparedIndex.Row::label).toArray();
        int classes = index.rows().stream().mapToInt(PreparedIndex.Row::label).max().orElse(0) + 1;
        return new ImageData(Nd4j.create(values, new long[] {n, 3, size, size}, 'c').castTo(DataType.FLOAT), labels,
                classes, size);
    }

    public int size() {
        return labels.length;
    }

    /** Features of the given rows, in that order (a copy). */
    public INDArray features(int[] rows) {
        return NdArrays.gatherRows(features, rows);
    }

    /** One-hot labels of the given rows. */
    public INDArray oneHot(int[] rows) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, rows.length, classes);
        for (int i = 0; i < rows.length; i++) {
            out.putScalar(i, labels[rows[i]], 1f);
        }
        return out;
    }

    /** For tests: data from a features array and labels. */
    static ImageData of(INDArray features, int[] labels, int classes) {
        return new ImageData(features, labels, classes, (int) features.size(2));
    }
}
