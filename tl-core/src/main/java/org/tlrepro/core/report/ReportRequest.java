package org.tlrepro.core.report;

import java.nio.file.Path;
import java.util.List;

import org.tlrepro.core.results.Rule;

/**
 * What {@code tl:report} renders.
 *
 * @param workDir      the {@code tl.workDir} folder; the report goes to its {@code report} subfolder
 * @param templatesDir folder whose templates replace the defaults of the same file name, or {@code null}
 * @param paperValues  the paper's values (JSON), or {@code null} for a report without the paper's columns
 * @param rules        the gates whose outcomes {@code summary.md} lists (may be empty)
 * @param baseline     the baseline folder the compare rules and the diff table use, or {@code null}
 * @param published    a published result to render instead of this build's clustering and runs (a baseline
 *                     folder with its {@code cluster.json}), or {@code null}
 * @param build        what the build tool knows for the provenance record (project folder, Maven, tl.* settings)
 */
public record ReportRequest(Path workDir, Path templatesDir, Path paperValues, List<Rule> rules, Path baseline,
                            Path published, BuildContext build) {

    public ReportRequest {
        rules = rules == null ? List.of() : List.copyOf(rules);
        build = build == null ? BuildContext.none() : build;
    }

    /** A report rendered outside a build. */
    public ReportRequest(Path workDir, Path templatesDir, Path paperValues, List<Rule> rules, Path baseline,
                         Path published) {
        this(workDir, templatesDir, paperValues, rules, baseline, published, null);
    }

    /** A report of this build's results. */
    public ReportRequest(Path workDir, Path templatesDir, Path paperValues, List<Rule> rules, Path baseline) {
        this(workDir, templatesDir, paperValues, rules, baseline, null, null);
    }

    /** A report without a baseline. */
    public ReportRequest(Path workDir, Path templatesDir, Path paperValues, List<Rule> rules) {
        this(workDir, templatesDir, paperValues, rules, null, null, null);
    }
}
