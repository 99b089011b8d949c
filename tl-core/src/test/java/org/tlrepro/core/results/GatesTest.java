package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.cluster.SubsetPair;
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

    /** Issue 33: rendering published results needed -Dtl.runs and -Dtl.table3.runs to say what they hold. */
    @Test
    void theConfiguredRunCountsComeFromTheResultsOwnSetup() {
        List<RunResult> runs = table2Runs(3);
        org.tlrepro.core.train.Protocol three = new org.tlrepro.core.train.Protocol(5, 128, 1e-4, 0.9, 1e-7, 0.7, 3, 2,
                42);
        Results r = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()), new org.tlrepro.core.train.TrainSetup(
                three, new org.tlrepro.core.train.TrainedNetwork(50, List.of("P", "U"), List.of())), runs, null);
        Map<String, Double> m = Metrics.of(r);
        assertEquals(3.0, m.get("table2.configuredRuns"));
        assertEquals(2.0, m.get("table3.configuredRuns"));
        Rule everyRun = new Rule("every run", "table2.scheme4.runs - table2.configuredRuns", 0.0, null, false);
        assertEquals(Rule.Status.PASS, Gates.check(r, List.of(everyRun)).get(0).status());
        Rule everyTable3Run = new Rule("every Table 3 run", "table3.minRuns - table3.configuredRuns", 0.0, null, false);
        assertEquals(Rule.Status.FAIL, Gates.check(r, List.of(everyTable3Run)).get(0).status(),
                "no Table 3 run of the 2 asked for");
        assertTrue(Double.isNaN(Metrics.of(ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()), runs, null))
                .get("table2.configuredRuns")), "no setup: no value, and the gate fails");
    }

    /** Runs 1..n of Table 2's four schemes, each at 70%. */
    private static List<RunResult> table2Runs(int n) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            for (int scheme = 1; scheme <= 4; scheme++) {
                runs.add(ResultsBuilderTest.run("table2", scheme, i, 0.70));
            }
        }
        return runs;
    }

    /** A build of Table 2 only: Table 3's rules are skipped, not failed, and Table 2's still judged. */
    @Test
    void table3RulesAreSkippedWhenNoTable3WasTrained() {
        List<RunResult> runs = table2Runs(3);
        org.tlrepro.core.train.Protocol table2Only = new org.tlrepro.core.train.Protocol(5, 128, 1e-4, 0.9, 1e-7, 0.7,
                3, 0, 42);
        Results r = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()), new org.tlrepro.core.train.TrainSetup(
                table2Only, new org.tlrepro.core.train.TrainedNetwork(50, List.of("P", "U"), List.of())), runs, null);
        List<Rule> rules = List.of(
                new Rule("all 16 Table 3 combinations", "table3.combinations", 16.0, null, false),
                new Rule("every Table 3 run", "table3.minRuns - table3.configuredRuns", 0.0, null, false),
                new Rule("Figure 2's slope", "figure2.slope", null, 0.0, true),
                new Rule("every run", "table2.scheme4.runs - table2.configuredRuns", 0.0, null, false),
                new Rule("Scheme 4 above 90", "table2.scheme4.mean", 90.0, null, false));
        List<Rule.Outcome> outcomes = Gates.check(r, rules);
        assertEquals(List.of(Rule.Status.SKIPPED, Rule.Status.SKIPPED, Rule.Status.SKIPPED, Rule.Status.PASS,
                Rule.Status.FAIL), outcomes.stream().map(Rule.Outcome::status).toList());
        assertTrue(outcomes.get(0).detail().contains("Table 3 was not trained (tl.table3.runs=0)"),
                outcomes.get(0).detail());
        assertEquals("FAIL: 1 of 2 rules met (3 skipped: Table 3 not trained)", Verdict.of(outcomes).headline());

        // with Table 3 asked for, its missing runs fail as before (theConfiguredRunCountsComeFromTheResultsOwnSetup)
        Results withTable3 = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()),
                new org.tlrepro.core.train.TrainSetup(new org.tlrepro.core.train.Protocol(5, 128, 1e-4, 0.9, 1e-7, 0.7,
                        3, 2, 42), new org.tlrepro.core.train.TrainedNetwork(50, List.of("P", "U"), List.of())), runs,
                null);
        assertEquals(Rule.Status.FAIL, Gates.check(withTable3, rules.subList(0, 1)).get(0).status());
    }

    // ---- comparisons with a baseline ------------------------------------------------------------------------

    static Results shifted(double shift) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            runs.add(ResultsBuilderTest.run("table2", 1, i, 0.60 + 0.01 * i + shift));
            runs.add(ResultsBuilderTest.run("table2", 4, i, 0.70 + 0.01 * i + shift));
        }
        return ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()), runs, ResultsBuilderTest.paper());
    }

    static Baseline baselineOf(Results r) {
        return new Baseline(java.nio.file.Path.of("baseline"), Metrics.of(r), r.runs(), null);
    }

    @Test
    void aWelchRuleIsSkippedWithoutABaselineAndPassesOnAnUnchangedResult() {
        Rule rule = Rule.welch("Scheme 4 unchanged", "table2.scheme4.mean", 0.001);
        Rule.Outcome skipped = Gates.check(results(), List.of(rule), null).get(0);
        assertTrue(skipped.skipped(), skipped.describe());
        assertTrue(skipped.describe().startsWith("SKIP Scheme 4 unchanged:"), skipped.describe());
        assertTrue(Gates.failures(List.of(skipped)).isEmpty());

        Rule.Outcome same = Gates.check(results(), List.of(rule), baselineOf(results())).get(0);
        assertTrue(same.passed(), same.describe());
        assertTrue(same.describe().contains("p = 1.00"), same.describe());
    }

    @Test
    void aWelchRuleFailsOnASignificantChangeNamingMetricValuesAndTest() {
        Rule rule = Rule.welch("Scheme 4 unchanged", "table2.scheme4.mean", 0.001);
        Rule.Outcome o = Gates.check(shifted(-0.2), List.of(rule), baselineOf(results())).get(0);
        assertTrue(o.failed(), o.describe());
        assertEquals(List.of(o), Gates.failures(List.of(o)));
        String d = o.describe();
        assertTrue(d.startsWith("FAIL Scheme 4 unchanged: table2.scheme4.mean baseline 72.0000, now 52.0000, "
                + "change -20.0000; Welch's t-test over 3 and 3 runs: t = -24.49, p = "), d);
        assertTrue(d.endsWith("< alpha 0.001"), d);
        // within the noise: one run a point lower is no significant change
        List<RunResult> noisy = new ArrayList<>(results().runs());
        noisy.set(1, ResultsBuilderTest.run("table2", 4, 1, 0.70));
        Results r = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()), noisy, ResultsBuilderTest.paper());
        assertTrue(Gates.check(r, List.of(rule), baselineOf(results())).get(0).passed());
    }

    @Test
    void aToleratedChangeNeverFailsHoweverSignificant() {
        Rule rule = new Rule("tolerant", "table2.scheme1.mean", null, null, false, Rule.Compare.WELCH, 0.05, 25.0);
        assertTrue(Gates.check(shifted(-0.2), List.of(rule), baselineOf(results())).get(0).passed());
    }

    @Test
    void anAbsoluteRuleBoundsTheChange() {
        Rule rule = new Rule("runs kept", "table2.scheme1.runs", null, null, false, Rule.Compare.ABSOLUTE, null, 0.0);
        assertTrue(Gates.check(results(), List.of(rule), baselineOf(results())).get(0).passed());
        Results fewer = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()),
                results().runs().subList(0, 2), ResultsBuilderTest.paper());
        Rule.Outcome o = Gates.check(fewer, List.of(rule), baselineOf(results())).get(0);
        assertTrue(o.failed());
        assertTrue(o.describe().contains("baseline 3.0000, now 1.0000, change -2.0000 (maximum change 0.0)"),
                o.describe());
    }

    @Test
    void aWelchRuleOnAMetricWithoutRunsIsAnError() {
        TlException e = assertThrows(TlException.class, () -> Gates.check(results(),
                List.of(Rule.welch("sd", "table2.scheme1.sd", 0.01)), null));
        assertTrue(e.getMessage().contains("table2.scheme1.mean"), e.getMessage());
    }

    @Test
    void tooFewRunsFailTheComparisonAndSaySo() {
        Results one = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()),
                List.of(ResultsBuilderTest.run("table2", 1, 1, 0.6)), ResultsBuilderTest.paper());
        Rule.Outcome o = Gates.check(one, List.of(Rule.welch("s1", "table2.scheme1.mean", 0.01)), baselineOf(results()))
                .get(0);
        assertTrue(o.failed());
        assertTrue(o.describe().contains("at least 2 runs on each side, there are 3 (baseline) and 1 (now)"),
                o.describe());
    }

    @Test
    void aTable3WelchRuleCountsCombinationsNotRuns() {
        assertEquals("combinations", Samples.unit("table3.meanImprovement"));
        assertEquals("runs", Samples.unit("table2.improvement"));
        List<SubsetPair> combos = List.of(ResultsBuilderTest.pair("P1+U1", 0.01, 50, 60),
                ResultsBuilderTest.pair("P1+U2", 0.02, 60, 70), ResultsBuilderTest.pair("P2+U1", 0.03, 70, 80));
        List<RunResult> runs = new ArrayList<>();
        double gain = 0;
        for (SubsetPair p : combos) {
            runs.add(ResultsBuilderTest.run("table3/" + p.id(), 1, 1, 0.7));
            runs.add(ResultsBuilderTest.run("table3/" + p.id(), 4, 1, 0.72 + (gain += 0.01)));
        }
        Results three = ResultsBuilder.build(ResultsBuilderTest.clustering(combos), runs, ResultsBuilderTest.paper());
        Rule.Outcome o = Gates.check(three, List.of(Rule.welch("t3", "table3.meanImprovement", 0.01)),
                baselineOf(three)).get(0);
        assertTrue(o.describe().contains("over 3 and 3 combinations"), o.describe());
        assertFalse(o.describe().contains("runs"), o.describe());
    }

    @Test
    void aRuleNeedsBoundsOrAComparisonButNotBoth() {
        assertThrows(TlException.class, () -> new Rule("none", "table2.scheme1.mean", null, null, false));
        assertThrows(TlException.class, () -> new Rule("both", "table2.scheme1.mean", 1.0, null, false,
                Rule.Compare.WELCH, 0.01, null));
        assertThrows(TlException.class, () -> Rule.welch("alpha", "table2.scheme1.mean", 1.5));
        TlException e = assertThrows(TlException.class, () -> Rule.Compare.parse("t-test"));
        assertTrue(e.getMessage().contains("welch or absolute"));
    }

    @Test
    void validateRefusesAnUnknownMetricBeforeThereAreResults() {
        Rule typo = new Rule("accuracy", "table2.scheme4.accuracy", 0.0, null, false);
        TlException e = assertThrows(TlException.class, () -> Gates.validate(List.of(typo)));
        assertTrue(e.getMessage().contains("rule 'accuracy': unknown metric 'table2.scheme4.accuracy'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("table2.scheme4.mean"), "the known metrics are listed");
        Gates.validate(List.of(new Rule("gain", "table2.scheme4.mean - table2.scheme1.mean", 0.0, null, false)));
    }

    @Test
    void theMetricNamesKnownBeforeTrainingAreThoseOfResults() {
        assertEquals(List.copyOf(Metrics.of(results()).keySet()), Metrics.names());
    }
}
