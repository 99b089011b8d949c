package org.tlrepro.core.backend;

import java.net.URL;
import java.security.CodeSource;
import java.util.Properties;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches DL4J onto its fast native path once per JVM and reports what is in use.
 *
 * <p>DL4J 1.0.0-M2.1 disables its layer helpers unless {@value #HELPERS_DISABLE_PROPERTY} is {@code false}; it
 * reads that property once, when its helper utilities load, so this must run before the first network is built.
 * A user who sets the property explicitly keeps their choice.
 */
public final class NativeBackend {

    /** DL4J's switch for its oneDNN/cuDNN layer helpers; DL4J's own default is {@code true} (disabled). */
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private static final Logger LOG = LoggerFactory.getLogger(NativeBackend.class);
    private static BackendInfo info;

    private NativeBackend() {
    }

    /** Configures the backend (idempotent), logs it once and returns what is in use. */
    public static synchronized BackendInfo initialize() {
        if (info == null) {
            if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
                System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
            }
            info = probe();
            LOG.info(info.describe());
            if (info.hugePages().tunableWouldHelp()) {
                LOG.info("Native arrays get no huge pages here; starting Maven as `{} mvn ...` makes embedding and "
                        + "training faster on many machines (README: Speed)", HugePages.TUNABLE);
            }
        }
        return info;
    }

    private static BackendInfo probe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        boolean helpersOn = !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"))
                && Nd4j.getEnvironment().helpersAllowed();
        return new BackendInfo(
                env.getProperty("backend", "unknown"),
                isaName(ops.binaryLevel()),
                isaName(ops.optimalLevel()),
                helpersOn && BaseMKLDNNHelper.mklDnnEnabled(),
                Nd4j.getEnvironment().maxThreads(),
                env.getProperty("blas.vendor", "unknown"),
                nativeClassifier(),
                HugePages.current());
    }

    /** libnd4j's numbering of its builds, as ND4J's own start-up message names them. */
    static String isaName(int level) {
        return switch (level) {
            case 3 -> "AVX512";
            case 2 -> "AVX2";
            default -> "generic x86-64";
        };
    }

    /** The classifier of the jar that holds the loaded natives, read from its file name. */
    private static String nativeClassifier() {
        try {
            Class<?> bindings = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu");
            URL natives = bindings.getClassLoader().getResource(
                    "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libjnind4jcpu.so");
            if (natives != null) {
                return "linux-x86_64-onednn-avx2";
            }
            CodeSource source = bindings.getProtectionDomain().getCodeSource();
            return source == null ? "unknown" : source.getLocation().getPath();
        } catch (ClassNotFoundException e) {
            return "none";
        }
    }
}
