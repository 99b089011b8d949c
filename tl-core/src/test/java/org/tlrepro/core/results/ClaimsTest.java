package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.train.RunResult;

class ClaimsTest {

    /** Table 2 runs whose accuracies are the given counts of 30 test images right, run by run. */
    private static List<RunResult> table2(int[]... countsPerScheme) {
        List<RunResult> runs = new ArrayList<>();
        for (int s = 0; s < countsPerScheme.length; s++) {
            for (int i = 0; i < countsPerScheme[s].length; i++) {
                runs.add(ResultsBuilderTest.run("table2", s + 1, i + 1, countsPerScheme[s][i] / 30.0));
            }
        }
        return runs;
    }

    private static Map<String, Claim> claims(List<RunResult> runs) {
        Results r = ResultsBuilder.build(ResultsBuilderTest.clustering(List.of()), runs, ResultsBuilderTest.paper());
        return Claims.of(r).stream().collect(Collectors.toMap(Claim::id, Function.identity()));
    }

    @Test
    void aMeanGetsItsTInterval() {
        Claims.Interval ci = Claims.Interval.mean(new double[] {1, 2, 3, 4, 5});
        // t(4, 0.975) = 2.776445, SD = 1.581139
        assertEquals(3 - 2.776445 * 1.581139 / Math.sqrt(5), ci.low(), 1e-5);
        assertEquals(3 + 2.776445 * 1.581139 / Math.sqrt(5), ci.high(), 1e-5);
        assertTrue(Double.isNaN(Claims.Interval.mean(new double[] {1}).low()), "one value has no interval");
    }

    @Test
    void aGainWhoseIntervalHoldsThePapersValueReproducesBothClaims() {
        // Scheme 4 minus Scheme 1 per run: 2, 2, 3, 2, 3 of 30 = 6.67 ... 10 points, mean 8 (5.73 to 10.27)
        Map<String, Claim> c = claims(table2(new int[] {18, 19, 17, 18, 19}, new int[] {16, 17, 15, 16, 17},
                new int[] {19, 20, 18, 19, 20}, new int[] {20, 21, 20, 20, 22}));
        Claim gain = c.get("gain");
        assertEquals(8.0, gain.estimate(), 1e-9);
        assertEquals(Claim.Verdict.REPRODUCED, gain.verdict(), gain.toString());
        assertTrue(gain.ours().contains("better in 5 of 5 runs"), gain.ours());
        assertEquals(Claim.Verdict.REPRODUCED, c.get("gainSize").verdict(), "6.76 lies in 5.73 to 10.27");
        assertEquals(Claim.Verdict.REPRODUCED, c.get("best").verdict(), c.get("best").toString());
    }

    @Test
    void aSmallerGainIsNotTheSizeThePaperReportsAndABetterSchemeThreeIsSaid() {
        // gain 1 of 30 in every run but one: 3.33 points; Scheme 3 beats Scheme 4 by 1-2 of 30 in every run
        Map<String, Claim> c = claims(table2(new int[] {18, 19, 17, 18, 19}, new int[] {16, 17, 15, 16, 17},
                new int[] {21, 22, 20, 21, 23}, new int[] {19, 20, 18, 19, 21}));
        assertEquals(Claim.Verdict.REPRODUCED, c.get("gain").verdict());
        Claim size = c.get("gainSize");
        assertEquals(Claim.Verdict.NOT_REPRODUCED, size.verdict(), size.toString());
        assertTrue(size.high() < 6.76, size.toString());
        Claim best = c.get("best");
        assertEquals(Claim.Verdict.NOT_REPRODUCED, best.verdict(), best.toString());
        assertTrue(best.ours().startsWith("Scheme 4 minus Scheme 3"), best.ours());
    }

    @Test
    void aNoisyGainIsInconclusive() {
        Map<String, Claim> c = claims(table2(new int[] {18, 22, 17, 21, 19}, new int[] {16, 17, 15, 16, 17},
                new int[] {19, 20, 18, 19, 20}, new int[] {21, 19, 20, 18, 20}));
        Claim gain = c.get("gain");
        assertTrue(gain.low() < 0 && gain.high() > 0, gain.toString());
        assertEquals(Claim.Verdict.INCONCLUSIVE, gain.verdict());
    }

    @Test
    void pitmanMorganTellsPairedVariancesApart() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] same = {2, 1, 4, 3, 6, 5, 8, 7};
        double[] wide = {-10, 4, -3, 12, 0, 20, -8, 30};
        assertTrue(Claims.pitmanMorgan(x, same) > 0.5, "equal spreads");
        assertTrue(Claims.pitmanMorgan(x, wide) < 0.01, "a spread five times larger");
        assertEquals(Claims.pitmanMorgan(x, wide), Claims.pitmanMorgan(wide, x), 1e-12, "symmetric");
    }

    @Test
    void theSmallestSdIsInconclusiveUnlessTheOthersAreLargerBeyondTheNoise() {
        Map<String, Claim> c = claims(table2(new int[] {14, 22, 15, 21, 13, 23}, new int[] {12, 20, 13, 19, 11, 21},
                new int[] {13, 21, 14, 22, 12, 20}, new int[] {20, 21, 20, 21, 20, 21}));
        assertEquals(Claim.Verdict.REPRODUCED, c.get("steadiest").verdict(), c.get("steadiest").toString());
        Map<String, Claim> noisy = claims(table2(new int[] {18, 19, 17, 18, 19}, new int[] {16, 17, 15, 16, 17},
                new int[] {19, 20, 18, 19, 20}, new int[] {20, 21, 20, 20, 22}));
        assertEquals(Claim.Verdict.INCONCLUSIVE, noisy.get("steadiest").verdict(), noisy.get("steadiest").toString());
    }

    @Test
    void aCombinationRestsOnACollapsedRunWhenAModelPredictedOneClassOrSatAtTheMajorityRate() {
        List<RunResult> runs = new ArrayList<>();
        runs.add(ResultsBuilderTest.run("table3/P1+U1", 1, 1, 18 / 30.0)); // the majority rate, 0.6
        runs.add(ResultsBuilderTest.run("table3/P1+U1", 4, 1, 24 / 30.0));
        runs.add(ResultsBuilderTest.run("table3/P2+U1", 1, 1, 22 / 30.0));
        runs.add(ResultsBuilderTest.run("table3/P2+U1", 4, 1, 24 / 30.0));
        runs.add(ResultsBuilderTest.run("table2", 2, 1, 18 / 30.0)); // Table 2 and Scheme 2 are not Table 3 rows
        assertEquals(java.util.Set.of("P1+U1"), Claims.collapsedCombinations(runs));
    }

    @Test
    void withoutRunsEveryClaimSaysItWasNotMeasured() {
        Map<String, Claim> c = claims(List.of());
        assertEquals(7, c.size());
        c.values().forEach(claim -> assertEquals(Claim.Verdict.NOT_MEASURED, claim.verdict(), claim.toString()));
    }
}
