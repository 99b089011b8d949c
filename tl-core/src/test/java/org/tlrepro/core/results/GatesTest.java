package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.train.RunResult;

class GatesTest {

    static Results results() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            runs.add(ResultsBuilderTest.run("table2", 1, i, 0.60 + 0.01 * i));
            runs.add(ResultsBuilderTest.run("table2", 4, i, 0.70 + 0.01 * i));
        }
        return ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()), runs, ResultsBuilderTest.paper());
    }

    @Test
    void limitsOnAMetricAndOnADifference() {
        List<Rule.Outcome> out = Gates.check(results(), List.of(
                new Rule("scheme 4 at least 70%", "table2.scheme4.mean", 70.0, null, false),
                new Rule("scheme 4 at most 71%", "table2.scheme4.mean", null, 71.0, false),
                new Rule("transfer helps by 5 points", "table2.scheme4.mean - table2.scheme1.mean", 5.0, null, false),
                new Rule("transfer helps by 20 points", "table2.scheme4.mean - table2.scheme1.mean", 20.0, null, true)));
        assertTrue(out.get(0).passed());
        assertFalse(out.get(1).passed());
        assertEquals(72.0, out.get(1).value(), 1e-9);
        assertTrue(out.get(2).passed());
        assertEquals(10.0, out.get(2).value(), 1e-9);
        assertFalse(out.get(3).passed());
        List<Rule.Outcome> failures = Gates.failures(out);
        assertEquals(1, failures.size(), "the report-only rule does not fail the build");
        assertTrue(failures.get(0).describe().contains("FAIL scheme 4 at most 71%: table2.scheme4.mean = 72.0000"),
                failures.get(0).describe());
    }

    @Test
    void aMissingValueFailsItsRule() {
        Rule.Outcome o = Gates.check(results(), List.of(new Rule("scheme 2 ran", "table2.scheme2.mean", 0.0, null,
                false))).get(0);
        assertFalse(o.passed());
        assertTrue(o.describe().contains("no value"));
    }

    @Test
    void anUnknownMetricIsAnErrorListingTheKnownOnes() {
        TlException e = assertThrows(TlException.class, () -> Gates.check(results(),
                List.of(new Rule("typo", "table2.schme4.mean", 1.0, null, false))));
        assertTrue(e.getMessage().contains("table2.schme4.mean"));
        assertTrue(e.getMessage().contains("table2.scheme4.mean"));
    }

    @Test
    void sdIsInPercentagePoints() {
        assertEquals(1.0, Metrics.of(results()).get("table2.scheme1.sd"), 1e-9);
    }

    @Test
    void table3AggregatesCountTheCombinationsTheirRunsAndTheGains() {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            runs.add(ResultsBuilderTest.run("table3/P1+U1", 1, i, 0.70));
            runs.add(ResultsBuilderTest.run("table3/P1+U1", 4, i, 0.74));
        }
        runs.add(ResultsBuilderTest.run("table3/P1+U2", 1, 1, 0.70));
        runs.add(ResultsBuilderTest.run("table3/P1+U2", 4, 1, 0.68));
        Results r = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of(
                ResultsBuilderTest.pair("P1+U1", 0.01, 50, 60), ResultsBuilderTest.pair("P1+U2", 0.02, 50, 60))),
                runs, ResultsBuilderTest.paper());
        assertEquals(2.0, Metrics.of(r).get("table3.combinations"));
        assertEquals(1.0, Metrics.of(r).get("table3.minRuns"), "the combination with the fewest runs");
        assertEquals(1.0, Metrics.of(r).get("table3.positiveImprovements"));
        assertEquals(1.0, Metrics.of(r).get("table3.meanImprovement"), 1e-9);
    }
}
