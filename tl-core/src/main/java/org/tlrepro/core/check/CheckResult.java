package org.tlrepro.core.check;

import java.nio.file.Path;
import java.util.List;

import org.tlrepro.core.results.Gates;
import org.tlrepro.core.results.Rule;
import org.tlrepro.core.results.Verdict;

/**
 * What {@code tl:check} found.
 *
 * @param outcomes        one per rule, in the configured order
 * @param verdict         their count
 * @param junitXml        the JUnit XML file written
 * @param baselineWritten the baseline folder written by an update, or {@code null}
 */
public record CheckResult(List<Rule.Outcome> outcomes, Verdict verdict, Path junitXml, Path baselineWritten) {

    /** The enforced rules that are violated. */
    public List<Rule.Outcome> failures() {
        return Gates.failures(outcomes);
    }
}
