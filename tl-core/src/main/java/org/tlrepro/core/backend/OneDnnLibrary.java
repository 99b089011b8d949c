package org.tlrepro.core.backend;

import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Loader;

/**
 * oneDNN's native library (the {@code org.bytedeco:dnnl} preset) that tl calls directly for training and embedding:
 * loaded once; says which version it is. (Deeplearning4j's libnd4j links its own copy statically and exports none of
 * it, so the two do not meet.)
 */
public final class OneDnnLibrary {

    private static volatile String version;

    private OneDnnLibrary() {
    }

    /** Loads the library (once) and returns e.g. "oneDNN 2.5.2". */
    public static String load() {
        if (version == null) {
            synchronized (OneDnnLibrary.class) {
                if (version == null) {
                    Loader.load(dnnl.class);
                    dnnl_version_t v = dnnl.dnnl_version();
                    version = "oneDNN " + v.major() + "." + v.minor() + "." + v.patch();
                }
            }
        }
        return version;
    }
}
