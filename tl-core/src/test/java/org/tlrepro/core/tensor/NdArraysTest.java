package org.tlrepro.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NdArraysTest {

    @Test
    void gathersRowsOfAFourDimensionalArrayInTheGivenOrder() {
        INDArray images = Nd4j.arange(5 * 3 * 2 * 2).castTo(DataType.FLOAT).reshape('c', 5, 3, 2, 2);
        int[] rows = {4, 0, 2, 0};
        INDArray gathered = NdArrays.gatherRows(images, rows);
        assertArrayEquals(new long[] {4, 3, 2, 2}, gathered.shape());
        assertEquals('c', gathered.ordering());
        for (int i = 0; i < rows.length; i++) {
            assertEquals(images.get(NDArrayIndex.point(rows[i])), gathered.get(NDArrayIndex.point(i)));
        }
        // the same as ND4J's own (slower) indexed copy
        assertEquals(images.get(NDArrayIndex.indices(4, 0, 2, 0)).dup('c'), gathered);
    }

    @Test
    void gathersRowsOfAMatrix() {
        INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 0}});
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}}),
                NdArrays.gatherRows(labels, new int[] {2, 1}));
    }

    @Test
    void releasesOwnedArraysAndLeavesViewsAndNullsAlone() {
        INDArray owner = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray view = owner.get(NDArrayIndex.interval(1, 3));
        NdArrays.release(view, null);
        assertFalse(view.wasClosed());
        assertEquals(owner.getFloat(1, 0), view.getFloat(0, 0));
        INDArray copy = NdArrays.gatherRows(owner, new int[] {0, 1});
        assertTrue(copy.closeable());
        NdArrays.release(copy);
        assertTrue(copy.wasClosed());
        assertFalse(owner.wasClosed());
    }
}
