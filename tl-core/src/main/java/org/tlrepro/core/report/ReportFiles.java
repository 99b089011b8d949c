package org.tlrepro.core.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tl:report} wrote.
 *
 * @param figuresTex {@code figures.tex}, the LaTeX figures that include the PDFs
 * @param metrics    {@code metrics.json}
 * @param provenance {@code provenance.json}
 * @param figures    each figure's SVG and PDF under {@code figures/}
 * @param csv        the results as CSV under {@code csv/}
 * @param overridden the templates taken from the user's folder instead of the defaults
 */
public record ReportFiles(Path html, Path latex, Path tables, Path figuresTex, Path summary, Path metrics,
                          Path provenance, List<Path> figures, List<Path> csv, List<String> overridden) {

    /** The files in the report folder itself (the figures are in its subfolder). */
    public List<Path> all() {
        return List.of(html, latex, tables, figuresTex, summary, metrics, provenance);
    }
}
