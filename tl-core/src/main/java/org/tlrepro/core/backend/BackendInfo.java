package org.tlrepro.core.backend;

/**
 * What the numeric backend actually runs on, for the log and for provenance in results.
 *
 * @param backend     ND4J backend name ("CPU")
 * @param binaryIsa   instruction set the loaded native library was compiled for
 * @param optimalIsa  best instruction set this processor supports
 * @param oneDnn      whether DL4J's oneDNN layer helpers are in use
 * @param threads     native (OpenMP) threads ND4J uses
 * @param blasVendor  BLAS library behind ND4J
 * @param classifier  Maven classifier of the nd4j-native natives on the class path
 * @param hugePages   whether native arrays get transparent huge pages
 */
public record BackendInfo(String backend, String binaryIsa, String optimalIsa, boolean oneDnn, int threads,
                          String blasVendor, String classifier, HugePages hugePages) {

    /** One line for the build log. */
    public String describe() {
        return "ND4J backend " + backend + " (" + classifier + "), ISA " + binaryIsa + " (CPU supports " + optimalIsa
                + "), oneDNN " + (oneDnn ? "on" : "OFF: convolutions take the slow built-in path")
                + ", " + threads + " native threads, BLAS " + blasVendor + ", " + hugePages.describe();
    }
}
