package org.tlrepro.core.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What only the build tool knows, for the report's provenance.
 *
 * @param projectDir   the project folder (its git commit is recorded), or {@code null}
 * @param mavenVersion the Maven version, or {@code null}
 * @param settings     every {@code tl.*} property in effect (the POM's, overridden by {@code -D}), by name
 */
public record BuildContext(Path projectDir, String mavenVersion, Map<String, String> settings) {

    public BuildContext {
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
    }

    /** Nothing known: a report rendered outside a build (tests, tools). */
    public static BuildContext none() {
        return new BuildContext(null, null, Map.of());
    }
}
