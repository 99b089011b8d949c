package org.tlrepro.core.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.SubsetPair;
import org.tlrepro.core.train.Protocol;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainSetup;

/** Derives {@link Results} from the runs, the clustering and the paper's values. */
public final class ResultsBuilder {

    private static final String[] TRAINED_ON = {
        "", "70% of the target", "the whole source", "the source and 70% of the target",
        "the Scheme-2 model, last two layers retrained on 70% of the target"};

    private ResultsBuilder() {
    }

    /** Results whose training setup is not known (tests, old published results). */
    public static Results build(ClusterResult clustering, List<RunResult> runs, PaperValues paper) {
        return build(clustering, null, runs, paper);
    }

    /** @param setup how the runs were trained, or {@code null} where not recorded */
    public static Results build(ClusterResult clustering, TrainSetup setup, List<RunResult> runs, PaperValues paper) {
        List<SchemeSummary> table2 = new ArrayList<>();
        for (int scheme = 1; scheme <= 4; scheme++) {
            int s = scheme;
            List<RunResult> of = runs.stream().filter(r -> r.experiment().equals("table2") && r.scheme() == s)
                    .sorted(Comparator.comparingInt(RunResult::run)).toList();
            if (!of.isEmpty()) {
                table2.add(summary(scheme, of, paper == null ? Optional.empty() : paper.scheme(scheme)));
            }
        }
        double improvement = mean(table2, 4) - mean(table2, 1);

        List<CombinationSummary> table3 = new ArrayList<>();
        for (SubsetPair pair : clustering.combinations()) {
            String experiment = "table3/" + pair.id();
            Map<Integer, RunResult> oneRuns = Samples.byRun(runs, experiment, 1);
            Map<Integer, RunResult> fourRuns = Samples.byRun(runs, experiment, 4);
            oneRuns.keySet().retainAll(fourRuns.keySet());
            Map<Integer, Double> one = accuracies(oneRuns);
            Map<Integer, Double> four = accuracies(fourRuns);
            if (one.isEmpty()) {
                continue;
            }
            // means over the runs that have both schemes, so that they and the paired SD describe the same runs
            DescriptiveStatistics s1 = new DescriptiveStatistics();
            DescriptiveStatistics s4 = new DescriptiveStatistics();
            DescriptiveStatistics gain = new DescriptiveStatistics();
            DescriptiveStatistics majority = new DescriptiveStatistics();
            one.forEach((run, accuracy) -> {
                s1.addValue(accuracy);
                s4.addValue(four.get(run));
                gain.addValue(four.get(run) - accuracy);
                majority.addValue(100 * oneRuns.get(run).majorityRate());
            });
            int oneClass = (int) (oneRuns.values().stream().filter(RunResult::predictedOneClass).count()
                    + fourRuns.entrySet().stream().filter(e -> one.containsKey(e.getKey()))
                    .filter(e -> e.getValue().predictedOneClass()).count());
            table3.add(new CombinationSummary(pair.id(), pair.targetNodes(), pair.target().size(),
                    pair.source().size(), pair.target().minorityToMajorityPercent(),
                    pair.source().minorityToMajorityPercent(), pair.centroidCosineSimilarity(),
                    pair.centroidCosineDistance(), one.size(), s1.getMean(), s4.getMean(), gain.getMean(),
                    gain.getN() > 1 ? gain.getStandardDeviation() : Double.NaN, majority.getMean(), oneClass));
        }
        table3.sort(Comparator.comparingDouble(CombinationSummary::improvement).reversed());

        List<Regression.Point> distance = new ArrayList<>();
        List<Regression.Point> sourceRatio = new ArrayList<>();
        List<Regression.Point> targetRatio = new ArrayList<>();
        for (CombinationSummary c : table3) {
            distance.add(new Regression.Point(c.id(), c.cosineDistance(), c.improvement(), c.improvementSd()));
            sourceRatio.add(new Regression.Point(c.id(), c.sourceClassRatio(), c.improvement(), c.improvementSd()));
            targetRatio.add(new Regression.Point(c.id(), c.targetClassRatio(), c.improvement(), c.improvementSd()));
        }
        return new Results(table2, improvement, table3,
                Regression.fit("source-target cosine distance", "improvement of Scheme 4 over Scheme 1 (points)",
                        distance),
                Regression.fit("source minority/majority class ratio (%)", "improvement (points)", sourceRatio),
                Regression.fit("target minority/majority class ratio (%)", "improvement (points)", targetRatio),
                clustering, paper, setup, deviations(clustering, paper), reductions(clustering, setup, table2, paper),
                List.copyOf(runs));
    }

    private static SchemeSummary summary(int scheme, List<RunResult> runs, Optional<PaperValues.Scheme> paper) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        DescriptiveStatistics majority = new DescriptiveStatistics();
        runs.forEach(r -> {
            stats.addValue(100 * r.testAccuracy());
            majority.addValue(100 * r.majorityRate());
        });
        double minAbove = runs.stream().mapToDouble(RunResult::pointsAboveMajority).min().orElse(Double.NaN);
        int oneClass = (int) runs.stream().filter(RunResult::predictedOneClass).count();
        Double paperMean = paper.map(PaperValues.Scheme::mean).orElse(null);
        return new SchemeSummary(scheme, TRAINED_ON[scheme], runs, (int) stats.getN(), stats.getMean(),
                stats.getN() > 1 ? stats.getStandardDeviation() : Double.NaN, stats.getMin(), stats.getMax(),
                paperMean, paper.map(PaperValues.Scheme::sdPoints).orElse(null),
                paperMean == null ? null : stats.getMean() - paperMean, majority.getMean(), minAbove, oneClass);
    }

    private static double mean(List<SchemeSummary> table2, int scheme) {
        return table2.stream().filter(s -> s.scheme() == scheme).mapToDouble(SchemeSummary::mean).findFirst()
                .orElse(Double.NaN);
    }

    private static Map<Integer, Double> accuracies(Map<Integer, RunResult> byRun) {
        Map<Integer, Double> out = new TreeMap<>();
        byRun.forEach((run, r) -> out.put(run, 100 * r.testAccuracy()));
        return out;
    }

    /** Where this run's configuration is not the paper's: what a reader must know before comparing the numbers. */
    static List<String> reductions(ClusterResult clustering, TrainSetup setup, List<SchemeSummary> table2,
                                   PaperValues paper) {
        List<String> out = new ArrayList<>();
        PaperValues.Setup theirs = paper == null ? null : paper.setup();
        if (theirs == null) {
            return out;
        }
        clustering.classes().stream().mapToInt(ClusterResult.ClassInfo::images).max().ifPresent(images -> {
            if (images != theirs.imagesPerClass()) {
                out.add(String.format(Locale.ROOT, "%,d images per class (the paper: %,d)", images,
                        theirs.imagesPerClass()));
            }
        });
        int runs = table2.stream().mapToInt(SchemeSummary::n).max().orElse(0);
        if (runs != theirs.runs()) {
            out.add(runs + " runs per scheme (the paper: " + theirs.runs() + ")");
        }
        if (setup == null) {
            // not recorded is not reduced: the report says so apart (ReportModel's "unrecorded")
            return out;
        }
        Protocol p = setup.protocol();
        if (setup.network() != null && setup.network().imageSize() != theirs.imageSize()) {
            int s = setup.network().imageSize();
            out.add(s + "x" + s + " input images (the paper: " + theirs.imageSize() + "x" + theirs.imageSize() + ")");
        }
        if (p.epochs() != theirs.epochs()) {
            out.add(p.epochs() + " epochs (the paper: " + theirs.epochs() + ")");
        }
        if (p.batchSize() != theirs.batchSize()) {
            out.add("batches of " + p.batchSize() + " (the paper: " + theirs.batchSize() + ")");
        }
        if (p.learningRate() != theirs.learningRate()) {
            out.add("learning rate " + plain(p.learningRate()) + " (the paper: " + plain(theirs.learningRate()) + ")");
        }
        if (p.trainFraction() != theirs.trainFraction()) {
            out.add(String.format(Locale.ROOT, "%.0f%% of the target for training (the paper: %.0f%%)",
                    100 * p.trainFraction(), 100 * theirs.trainFraction()));
        }
        return out;
    }

    /** 0.0001, not 1.0E-4. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static List<String> deviations(ClusterResult clustering, PaperValues paper) {
        List<String> out = new ArrayList<>();
        String network = clustering.embedding().network();
        if (paper != null && !paper.embeddingNetwork().toLowerCase().startsWith(network.toLowerCase().split(" ")[0])) {
            out.add("Images were embedded with " + network + "; the paper used " + paper.embeddingNetwork()
                    + ". The dendrograms, and so the subsets, differ from the paper's.");
        }
        if (paper != null) {
            out.add("Node names (A/B, 1-4) are assigned by size within our own dendrograms; they do not name the "
                    + "paper's nodes.");
        }
        Map<String, Integer> sizes = new TreeMap<>();
        clustering.classes().forEach(c -> c.level2().forEach(n -> sizes.put(n.id(), n.size())));
        if (paper != null && !sizes.equals(paper.nodeSizes())) {
            out.add("Second-level node sizes: ours " + sizes + ", the paper's " + new TreeMap<>(paper.nodeSizes()) + ".");
        }
        return out;
    }
}
