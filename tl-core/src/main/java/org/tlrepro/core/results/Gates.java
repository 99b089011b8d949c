package org.tlrepro.core.results;

import java.util.List;
import java.util.Map;

/** Judges every rule against the results. */
public final class Gates {

    private Gates() {
    }

    public static List<Rule.Outcome> check(Results results, List<Rule> rules) {
        Map<String, Double> metrics = Metrics.of(results);
        return rules.stream().map(r -> r.judge(Metrics.evaluate(metrics, r.metric()))).toList();
    }

    /** Outcomes that fail the build: violated and enforced. */
    public static List<Rule.Outcome> failures(List<Rule.Outcome> outcomes) {
        return outcomes.stream().filter(o -> !o.passed() && !o.rule().reportOnly()).toList();
    }
}
