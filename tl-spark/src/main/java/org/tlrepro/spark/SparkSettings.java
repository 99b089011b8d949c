package org.tlrepro.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tl.spark.*} settings of one stage's Spark application.
 *
 * @param master        Spark master URL, e.g. {@code spark://host:7077} or {@code local[2,2]}
 * @param conf          Spark properties ({@code tl.spark.conf.<key>})
 * @param nativeThreads native (OpenMP) threads of each task
 * @param shipJars      for a master other than {@code local[...]}: add tl-core, tl-spark and their run-time
 *                      dependencies (DL4J, ND4J's natives) to {@code spark.jars}, so the executors need Spark only;
 *                      false when the cluster has tl on its class path already
 */
record SparkSettings(String master, Map<String, String> conf, int nativeThreads, boolean shipJars)
        implements Serializable {

    SparkSettings {
        conf = new LinkedHashMap<>(conf);
        nativeThreads = Math.max(1, nativeThreads);
    }

    /** True for the masters that run tasks in this JVM, which has tl already. */
    boolean inThisJvm() {
        return master.equals("local") || master.startsWith("local[");
    }

    String describe() {
        return "Spark " + master + ", " + nativeThreads + " native thread" + (nativeThreads == 1 ? "" : "s")
                + " per task" + (shipJars && !inThisJvm() ? ", tl's jars shipped to the executors" : "");
    }
}
