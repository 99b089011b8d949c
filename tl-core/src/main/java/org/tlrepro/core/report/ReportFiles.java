package org.tlrepro.core.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tl:report} wrote.
 *
 * @param metrics    {@code metrics.json}
 * @param overridden the templates taken from the user's folder instead of the defaults
 */
public record ReportFiles(Path html, Path latex, Path tables, Path summary, Path metrics, List<String> overridden) {

    public List<Path> all() {
        return List.of(html, latex, tables, summary, metrics);
    }
}
