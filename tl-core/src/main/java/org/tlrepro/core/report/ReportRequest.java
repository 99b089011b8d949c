package org.tlrepro.core.report;

import java.nio.file.Path;
import java.util.List;

import org.tlrepro.core.TlException;
import org.tlrepro.core.results.Rule;

/**
 * What {@code tl:report} renders.
 *
 * @param workDir      the {@code tl.workDir} folder; the report goes to its {@code report} subfolder
 * @param templatesDir folder whose templates replace the defaults of the same file name, or {@code null}
 * @param paperValues  the paper's values (JSON), or {@code null} for a report without the paper's columns
 * @param rules        the gates whose outcomes {@code summary.md} lists (may be empty)
 * @param imageSize    side of the network input, for Table 1
 * @param baseline     the baseline folder the compare rules and the diff table use, or {@code null}
 * @param published    a published result to render instead of this build's clustering and runs (a baseline
 *                     folder with its {@code cluster.json}), or {@code null}
 */
public record ReportRequest(Path workDir, Path templatesDir, Path paperValues, List<Rule> rules, int imageSize,
                            Path baseline, Path published) {

    public ReportRequest {
        if (imageSize < 12) {
            throw new TlException("tl.imageSize must be at least 12 for the paper's CNN, not " + imageSize);
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A report of this build's results. */
    public ReportRequest(Path workDir, Path templatesDir, Path paperValues, List<Rule> rules, int imageSize,
                         Path baseline) {
        this(workDir, templatesDir, paperValues, rules, imageSize, baseline, null);
    }

    /** A report without a baseline. */
    public ReportRequest(Path workDir, Path templatesDir, Path paperValues, List<Rule> rules, int imageSize) {
        this(workDir, templatesDir, paperValues, rules, imageSize, null, null);
    }
}
