package org.tlrepro.core.backend;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.dnnl.memory;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The native objects (oneDNN engines, descriptors, primitives, memories) one owner made, closed together, the newest
 * first: primitives before their descriptors, memories before the engine.
 */
public final class NativePointers implements AutoCloseable {

    private final List<Pointer> owned = new ArrayList<>();

    /** Takes {@code p} into this owner; returns it. */
    public <T extends Pointer> T add(T p) {
        owned.add(p);
        return p;
    }

    /** The first {@code count} floats of a oneDNN memory, as a view (not owned: the memory owns the data). */
    public static FloatPointer floats(memory m, long count) {
        return new FloatPointer(m.get_data_handle()).capacity(count).limit(count);
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
    }
}
