package org.nd4j.nativeblas;

import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;

/**
 * Bridge that DL4J 1.0.0-M2.1 looks up by name before it uses its oneDNN layer helpers.
 *
 * <p>{@code BaseMKLDNNHelper.mklDnnEnabled()} loads {@code org.nd4j.nativeblas.Nd4jCpu$Environment} and calls
 * {@code getInstance().isUseMKLDNN()}; nd4j-native 1.0.0-M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings} and renamed the method {@code isUseONEDNN}. Without this class
 * the check fails silently and every convolution runs on the 8-10x slower built-in path. The name has a
 * {@code $} because DL4J asks for the binary name of a nested class.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class Nd4jCpu$Environment {

    private static final Nd4jCpu$Environment INSTANCE = new Nd4jCpu$Environment();

    private Nd4jCpu$Environment() {
    }

    public static Nd4jCpu$Environment getInstance() {
        return INSTANCE;
    }

    /** Whether the loaded native library was built with oneDNN and has it switched on. */
    public boolean isUseMKLDNN() {
        return Nd4jCpu.Environment.getInstance().isUseONEDNN();
    }

    public void setUseMKLDNN(boolean use) {
        Nd4jCpu.Environment.getInstance().setUseONEDNN(use);
    }

    public boolean helpersAllowed() {
        return Nd4jCpu.Environment.getInstance().helpersAllowed();
    }

    public void allowHelpers(boolean allow) {
        Nd4jCpu.Environment.getInstance().allowHelpers(allow);
    }
}
