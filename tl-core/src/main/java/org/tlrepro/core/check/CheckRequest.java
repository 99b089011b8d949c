package org.tlrepro.core.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tlrepro.core.TlException;
import org.tlrepro.core.results.Rule;

/**
 * What {@code tl:check} judges.
 *
 * @param workDir        the {@code tl.workDir} folder; the JUnit XML goes to its {@code check} subfolder
 * @param paperValues    the paper's values (JSON), or {@code null}
 * @param rules          the rules, at least one
 * @param baseline       the baseline folder (see {@link org.tlrepro.core.results.Baseline}), or {@code null}
 * @param updateBaseline write this build's results as the new baseline, if its other rules are met
 * @param properties     what the JUnit XML records of the build (commit, settings), by name
 */
public record CheckRequest(Path workDir, Path paperValues, List<Rule> rules, Path baseline, boolean updateBaseline,
                           Map<String, String> properties) {

    public CheckRequest(Path workDir, Path paperValues, List<Rule> rules, Path baseline, boolean updateBaseline) {
        this(workDir, paperValues, rules, baseline, updateBaseline, Map.of());
    }

    public CheckRequest {
        if (rules == null || rules.isEmpty()) {
            throw new TlException("tl:check has no <rules>: configure at least one, or skip it (tl.check.skip)");
        }
        if (updateBaseline && baseline == null) {
            throw new TlException("tl.baseline.update=true needs tl.baseline: the folder to write the baseline to");
        }
        rules = List.copyOf(rules);
        properties = new java.util.TreeMap<>(properties);
    }
}
