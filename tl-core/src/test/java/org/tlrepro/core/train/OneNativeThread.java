package org.tlrepro.core.train;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;

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
        previous = NativeThreads.current();
        NativeThreads.set(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NativeThreads.set(previous);
    }
}
