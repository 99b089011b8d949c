package org.tlrepro.core.train.onednn;

import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Loader;

/** Loads oneDNN's native library (the {@code org.bytedeco:dnnl} preset) once, and says which it is. */
final class OneDnn {

    private static volatile String version;

    private OneDnn() {
    }

    static String load() {
        if (version == null) {
            synchronized (OneDnn.class) {
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
