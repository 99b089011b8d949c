package org.tlrepro.maven;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal whose heavy work can run elsewhere: {@code tl:cluster} (the embedding) and {@code tl:train}; tl:manifest and
 * tl:prepare show the executor too, as the first goal of a build checks that it is on the class path before any
 * download.
 */
public abstract class AbstractExecutorMojo extends AbstractStageMojo {

    /**
     * Where the embedding and the runs are computed: {@code local} (this JVM; training {@code tl.jobs} at a time)
     * or {@code spark}, which needs {@code org.tlrepro:tl-spark} as a dependency of this plugin (the reproduction's
     * {@code -Pspark} profile adds it) and reads {@code tl.spark.master} (default {@code local[<tl.jobs>,2]}),
     * {@code tl.spark.nativeThreads} (per task, default 1), {@code tl.spark.shipJars} (default true) and any
     * {@code tl.spark.conf.<Spark property>}.
     */
    @Parameter(property = "tl.executor", defaultValue = "local")
    protected String executor;

    /**
     * The executor's own settings, e.g. <code>&lt;master&gt;spark://host:7077&lt;/master&gt;</code> for Spark; a
     * <code>-Dtl.&lt;executor&gt;.&lt;key&gt;=value</code> property wins over the POM.
     */
    @Parameter
    private Map<String, String> executorSettings = new LinkedHashMap<>();

    /**
     * The POM's executorSettings, then the tl.&lt;executor&gt;.&lt;key&gt; properties, from the POM's
     * {@code <properties>} or -D, as every other tl.* setting (before, only -D was read, so a POM's tl.spark.master was
     * ignored although the provenance recorded it).
     */
    protected Map<String, String> executorSettings() {
        Map<String, String> out = new LinkedHashMap<>(executorSettings);
        String prefix = "tl." + executor + ".";
        tlSettings().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
