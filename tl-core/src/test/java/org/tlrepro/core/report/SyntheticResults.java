package org.tlrepro.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.Dendrogram;
import org.tlrepro.core.cluster.SubsetPair;
import org.tlrepro.core.cluster.SubsetStats;
import org.tlrepro.core.results.PaperValues;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.testing.TestConfusion;
import org.tlrepro.core.results.ResultsBuilder;
import org.tlrepro.core.train.Protocol;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainSetup;
import org.tlrepro.core.train.TrainedNetwork;

/** Small results for the report's tests, with HTML and LaTeX special characters in names that come from data. */
final class SyntheticResults {

    /** An embedding network name with characters every output language must escape. */
    static final String NETWORK = "Net <&> 1";
    /** A combination id likewise. */
    static final String ODD_COMBINATION = "P<&>1+U1";

    /** The paper's protocol and its network for 50x50 images of two classes, as tl:train records them. */
    static final TrainSetup SETUP = new TrainSetup(Protocol.paper(),
            TrainedNetwork.of(50, List.of("Parasitized", "Uninfected"), Protocol.paper()));

    private SyntheticResults() {
    }

    /** Schemes 1 and 4 with three runs (Scheme 1: 60, 70, 80%), two combinations, one class dendrogram. */
    static Results build(boolean withPaper) {
        return build(withPaper, 2);
    }

    /** The same with {@code oddCombinationRuns} runs of the first combination (the other has one). */
    static Results build(boolean withPaper, int oddCombinationRuns) {
        return build(withPaper, oddCombinationRuns, 0.60, 0.70, 0.80);
    }

    /** The same with the given Scheme 1 accuracies (Scheme 4: each 5 points higher); the majority rate is 60%. */
    static Results build(boolean withPaper, int oddCombinationRuns, double... s1) {
        List<SubsetPair> combos = List.of(pair(ODD_COMBINATION, 0.01, 50, 60), pair("P2+U2", 0.03, 70, 80));
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < s1.length; i++) {
            runs.add(run("table2", 1, i + 1, s1[i]));
            runs.add(run("table2", 4, i + 1, s1[i] + 0.05));
        }
        for (int run = 1; run <= oddCombinationRuns; run++) {
            runs.add(run("table3/" + ODD_COMBINATION, 1, run, 0.70));
            runs.add(run("table3/" + ODD_COMBINATION, 4, run, 0.79));
        }
        runs.add(run("table3/P2+U2", 1, 1, 0.70));
        runs.add(run("table3/P2+U2", 4, 1, 0.72));
        return ResultsBuilder.build(clustering(combos), SETUP, runs, withPaper ? paper() : null);
    }

    static PaperValues paper() {
        return PaperValues.read(Path.of("../reproduction-project/src/paper/paper-values.json"));
    }

    /**
     * A class of 100 images whose last five merges are drawn: 199 (root) = 197 + 198; level 1 = those two, level 2
     * = their children 195, 30 and 196, 40.
     */
    static ClusterResult.ClassInfo parasitized() {
        List<Dendrogram.Merge> top = List.of(new Dendrogram.Merge(10, 20, 1.0, 2),
                new Dendrogram.Merge(150, 160, 1.5, 40), new Dendrogram.Merge(195, 30, 2.0, 3),
                new Dendrogram.Merge(196, 40, 2.5, 41), new Dendrogram.Merge(197, 198, 5.0, 44));
        return new ClusterResult.ClassInfo("Parasitized", "P", 100,
                List.of(new ClusterResult.NodeInfo("PA", null, 41, 2.5, 198),
                        new ClusterResult.NodeInfo("PB", null, 3, 2.0, 197)),
                List.of(new ClusterResult.NodeInfo("P1", "PA", 40, 1.5, 196),
                        new ClusterResult.NodeInfo("P2", "PA", 1, 0, 40),
                        new ClusterResult.NodeInfo("P3", "PB", 2, 1.0, 195),
                        new ClusterResult.NodeInfo("P<4>", "PB", 1, 0, 30)),
                top, 195);
    }

    private static SubsetPair pair(String id, double distance, double targetRatio, double sourceRatio) {
        return new SubsetPair(id, List.of(id.split("\\+")), List.of("rest"),
                new SubsetStats(100, Map.of("P", 50, "U", 50), targetRatio),
                new SubsetStats(900, Map.of("P", 450, "U", 450), sourceRatio), 1 - distance, distance);
    }

    private static ClusterResult clustering(List<SubsetPair> combinations) {
        return new ClusterResult("test",
                new ClusterResult.EmbeddingInfo(NETWORK, "Inception V3", "m.h5", null, null, "resnet50", 224, "caffe", "avg_pool", 2048,
                        1000, 0, 12.5, "backend"),
                new ClusterResult.ClusteringInfo("ward", "euclidean", 1.5), List.of(parasitized()),
                pair("level1", 0.1, 80, 90), combinations, Map.of());
    }

    private static RunResult run(String experiment, int scheme, int run, double accuracy) {
        return new RunResult(experiment, scheme, run, run * 7L + scheme, 70, 30, 0.5, accuracy, List.of(0.6), 1, 100,
                "cpu <avx2>", "test", "fp" + experiment + scheme + run, TestConfusion.of30(accuracy), 0.6);
    }
}
