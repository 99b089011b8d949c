package org.tlrepro.core.train;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.tlrepro.core.backend.NativeBackend;

/**
 * Runs a test class's tiny networks on one OpenMP thread. They gain nothing from a second one, and when another
 * process keeps the cores busy, OpenMP's spinning worker makes each op some 30 times slower.
 * Also switches the backend on first, as the application does.
 */
final class OneNativeThread implements BeforeAllCallback, AfterAllCallback {

    private int previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        NativeBackend.initialize();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        previous = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(previous);
    }
}
