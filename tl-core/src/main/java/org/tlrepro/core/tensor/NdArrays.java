package org.tlrepro.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row gathers and explicit releases of ND4J arrays. ND4J frees an array's off-heap buffer only when the Java
 * garbage collector finds its small heap object, which can be long after the buffer is gone from use: batches and
 * per-scheme copies are therefore released as soon as they are done with.
 */
public final class NdArrays {

    private NdArrays() {
    }

    /** A new C-ordered array of the given rows (along dimension 0), in that order, of an array of any rank. */
    public static INDArray gatherRows(INDArray array, int[] rows) {
        long[] shape = array.shape().clone();  // ND4J may hand out the array's own shape
        long rowLength = array.length() / shape[0];
        shape[0] = rows.length;
        // written through a 2-D view of the result, so that the result owns its buffer and can be released
        INDArray out = Nd4j.create(array.dataType(), shape, 'c');
        Nd4j.pullRows(array.reshape('c', array.size(0), rowLength), out.reshape('c', rows.length, rowLength), 1, rows);
        return out;
    }

    /** Frees the buffers of the arrays that own theirs now; views, workspace arrays and nulls are left alone. */
    public static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }
}
