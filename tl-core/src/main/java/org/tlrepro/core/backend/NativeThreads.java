package org.tlrepro.core.backend;

import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one owner of the native (OpenMP) thread count that ND4J's and oneDNN's kernels use: the executors give each
 * concurrent job its share of the cores through here, and nothing else touches the setting.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** The native threads the next kernel may use (what OpenMP reports as its maximum). */
    public static int current() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /** Sets the native threads of the kernels that this thread starts from now on. */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("native threads must be at least 1, not " + threads);
        }
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
