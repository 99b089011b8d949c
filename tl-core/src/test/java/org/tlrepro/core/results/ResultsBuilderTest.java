package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.SubsetPair;
import org.tlrepro.core.cluster.SubsetStats;
import org.tlrepro.core.testing.TestConfusion;
import org.tlrepro.core.train.Protocol;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainSetup;
import org.tlrepro.core.train.TrainedNetwork;

class ResultsBuilderTest {

    static SubsetPair pair(String id, double distance, double targetRatio, double sourceRatio) {
        return new SubsetPair(id, List.of(id.split("\\+")), List.of("rest"),
                new SubsetStats(100, Map.of("P", 50, "U", 50), targetRatio),
                new SubsetStats(900, Map.of("P", 450, "U", 450), sourceRatio), 1 - distance, distance);
    }

    static ClusterResult clustering(List<SubsetPair> combinations) {
        return new ClusterResult("test",
                new ClusterResult.EmbeddingInfo("ResNet50 (ImageNet)", "Inception V3", "m.h5", null, null, "resnet50", 224, "caffe",
                        "avg_pool", 2048, 1000, 0, 1, "backend"),
                new ClusterResult.ClusteringInfo("ward", "euclidean", 1),
                List.of(new ClusterResult.ClassInfo("Parasitized", "P", 500, List.of(),
                        List.of(new ClusterResult.NodeInfo("P1", "PA", 500, 1, 1)), List.of(), 0)),
                pair("level1", 0.1, 80, 90), combinations, Map.of());
    }

    static RunResult run(String experiment, int scheme, int run, double accuracy) {
        return new RunResult(experiment, scheme, run, run * 7L + scheme, 70, 30, 0.5, accuracy, List.of(0.6), 1, 100,
                "backend", "test", "fp" + experiment + scheme + run, TestConfusion.of30(accuracy), 0.6);
    }

    static PaperValues paper() {
        return PaperValues.read(Path.of("../reproduction-project/src/paper/paper-values.json"));
    }

    @Test
    void aRunOfThePapersConfigurationHasNoReductions() {
        ClusterResult fiveThousand = new ClusterResult("test", null, null,
                List.of(new ClusterResult.ClassInfo("Parasitized", "P", 5000, List.of(), List.of(), List.of(), 0)),
                null, List.of(), Map.of());
        TrainSetup paperSetup = new TrainSetup(Protocol.paper(), new TrainedNetwork(50, List.of("P", "U"), List.of()));
        List<SchemeSummary> tenRuns = List.of(new SchemeSummary(1, "", List.of(), 10, 0, 0, 0, 0, null, null, null, 0,
                0, 0));
        assertEquals(List.of(), ResultsBuilder.reductions(fiveThousand, paperSetup, tenRuns, paper()));

        Protocol smoke = new Protocol(3, 64, 1e-3, 0.9, 1e-7, 0.8, 5, 0, 42);
        TrainSetup reduced = new TrainSetup(smoke, new TrainedNetwork(32, List.of("P", "U"), List.of()));
        List<SchemeSummary> fiveRuns = List.of(new SchemeSummary(1, "", List.of(), 5, 0, 0, 0, 0, null, null, null, 0,
                0, 0));
        ClusterResult half = new ClusterResult("test", null, null,
                List.of(new ClusterResult.ClassInfo("Parasitized", "P", 2500, List.of(), List.of(), List.of(), 0)),
                null, List.of(), Map.of());
        assertEquals(List.of("2,500 images per class (the paper: 5,000)", "5 runs per scheme (the paper: 10)",
                "32x32 input images (the paper: 50x50)", "3 epochs (the paper: 5)", "batches of 64 (the paper: 128)",
                "learning rate 0.001 (the paper: 0.0001)", "80% of the target for training (the paper: 70%)"),
                ResultsBuilder.reductions(half, reduced, fiveRuns, paper()));
        // what was not recorded is not claimed to be reduced: the report says it apart
        assertEquals(List.of("2,500 images per class (the paper: 5,000)", "5 runs per scheme (the paper: 10)"),
                ResultsBuilder.reductions(half, null, fiveRuns, paper()));
        assertEquals(List.of(), ResultsBuilder.reductions(half, reduced, fiveRuns, null), "nothing to compare with");
    }

    @Test
    void table2HasMeanSampleSdAndTheDifferenceFromThePaper() {
        List<RunResult> runs = new ArrayList<>();
        double[] s1 = {0.60, 0.70, 0.80};
        for (int i = 0; i < s1.length; i++) {
            runs.add(run("table2", 1, i + 1, s1[i]));
            runs.add(run("table2", 4, i + 1, s1[i] + 0.05));
        }
        Results r = ResultsBuilder.build(clustering(List.of()), runs, paper());
        SchemeSummary one = r.table2().get(0);
        assertEquals(1, one.scheme());
        assertEquals(3, one.n());
        assertEquals(70.0, one.mean(), 1e-9);
        assertEquals(10.0, one.sd(), 1e-9, "sample SD (n - 1) in points");
        assertEquals(69.06, one.paperMean());
        assertEquals(4.0, one.paperSd(), 1e-9);
        assertEquals(70.0 - 69.06, one.difference(), 1e-9);
        assertEquals(2, r.table2().size(), "schemes without runs are left out");
        assertEquals(5.0, r.improvement(), 1e-9);
    }

    @Test
    void table3IsSortedByImprovementAndFeedsTheRegressions() {
        List<SubsetPair> combos = List.of(pair("P1+U1", 0.01, 50, 60), pair("P1+U2", 0.02, 60, 70),
                pair("P2+U1", 0.03, 70, 80));
        List<RunResult> runs = new ArrayList<>();
        // improvement = 10 - 100 * distance * 100 => 9, 8, 7 points: a line of slope -100 in distance
        for (SubsetPair p : combos) {
            double gain = (10 - 100 * p.centroidCosineDistance()) / 100;
            runs.add(run("table3/" + p.id(), 1, 1, 0.7));
            runs.add(run("table3/" + p.id(), 4, 1, 0.7 + gain));
        }
        Results r = ResultsBuilder.build(clustering(combos), runs, paper());
        assertEquals(List.of("P1+U1", "P1+U2", "P2+U1"), r.table3().stream().map(CombinationSummary::id).toList());
        assertEquals(9.0, r.table3().get(0).improvement(), 1e-9);
        assertEquals(-100.0, r.figure2().slope(), 1e-6);
        assertEquals(10.0, r.figure2().intercept(), 1e-6);
        assertEquals(1.0, r.figure2().rSquared(), 1e-9);
        assertEquals(3, r.figure3Source().n());
        assertEquals(-0.1, r.figure3Target().slope(), 1e-9);
    }

    @Test
    void table3PairsTheSchemesRunByRunAndGivesTheSdOfTheImprovement() {
        List<RunResult> runs = new ArrayList<>();
        // per-run improvements 2, 4, 9 points; run 4 has only Scheme 1 (interrupted) and must not count
        runs.add(run("table3/P1+U1", 1, 1, 0.60));
        runs.add(run("table3/P1+U1", 4, 1, 0.62));
        runs.add(run("table3/P1+U1", 1, 2, 0.70));
        runs.add(run("table3/P1+U1", 4, 2, 0.74));
        runs.add(run("table3/P1+U1", 1, 3, 0.80));
        runs.add(run("table3/P1+U1", 4, 3, 0.89));
        runs.add(run("table3/P1+U1", 1, 4, 0.10));
        CombinationSummary c = ResultsBuilder.build(clustering(List.of(pair("P1+U1", 0.01, 50, 60))), runs, paper())
                .table3().get(0);
        assertEquals(3, c.runs());
        assertEquals(70.0, c.scheme1Mean(), 1e-9);
        assertEquals(75.0, c.scheme4Mean(), 1e-9);
        assertEquals(5.0, c.improvement(), 1e-9);
        assertEquals(Math.sqrt((9 + 1 + 16) / 2.0), c.improvementSd(), 1e-9, "sample SD of 2, 4, 9");
    }

    @Test
    void theSlopeHasTheTTestPValue() {
        // y = 0, 1, 3 at x = 0, 1, 2: slope 1.5, t = 1.5 / sqrt(1/12) with 1 degree of freedom (a Cauchy law)
        Regression r = Regression.fit("x", "y", List.of(new Regression.Point("a", 0, 0),
                new Regression.Point("b", 1, 1), new Regression.Point("c", 2, 3)));
        assertEquals(1.5, r.slope(), 1e-12);
        assertEquals(1 - 2 / Math.PI * Math.atan(1.5 / Math.sqrt(1 / 12.0)), r.slopePValue(), 1e-9);
        assertTrue(Double.isNaN(Regression.fit("x", "y", List.of(new Regression.Point("a", 0, 0),
                new Regression.Point("b", 1, 1))).slopePValue()), "no test with two points");
    }

    @Test
    void aSingleRunHasNoImprovementSd() {
        CombinationSummary c = ResultsBuilder.build(clustering(List.of(pair("P1+U1", 0.01, 50, 60))),
                List.of(run("table3/P1+U1", 1, 1, 0.6), run("table3/P1+U1", 4, 1, 0.7)), paper()).table3().get(0);
        assertEquals(1, c.runs());
        assertTrue(Double.isNaN(c.improvementSd()));
    }

    @Test
    void combinationsWithoutBothSchemesAreLeftOut() {
        Results r = ResultsBuilder.build(clustering(List.of(pair("P1+U1", 0.01, 50, 60))),
                List.of(run("table3/P1+U1", 1, 1, 0.7)), paper());
        assertTrue(r.table3().isEmpty());
        assertTrue(Double.isNaN(r.improvement()));
    }

    @Test
    void saysWhereTheProtocolDiffersFromThePapers() {
        Results r = ResultsBuilder.build(clustering(List.of()), List.of(), paper());
        assertTrue(r.deviations().get(0).contains("ResNet50"), r.deviations().toString());
        assertTrue(r.deviations().get(0).contains("Inception V3"), r.deviations().toString());
        assertTrue(r.deviations().stream().anyMatch(d -> d.contains("node sizes")), r.deviations().toString());
    }

    @Test
    void worksWithoutPaperValues() {
        Results r = ResultsBuilder.build(clustering(List.of()), List.of(run("table2", 2, 1, 0.5)), null);
        assertNull(r.table2().get(0).paperMean());
        assertTrue(Double.isNaN(r.table2().get(0).sd()), "one run has no SD");
    }

    @Test
    void readsThePapersValues() {
        PaperValues p = paper();
        assertEquals(848_226, p.parameters());
        assertEquals(16, p.table3().size());
        assertEquals(75.82, p.scheme(4).orElseThrow().mean());
        assertEquals(10, p.scheme(1).orElseThrow().runs().size());
    }
}
