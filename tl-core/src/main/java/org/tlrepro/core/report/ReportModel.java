package org.tlrepro.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.results.Baseline;
import org.tlrepro.core.results.Claim;
import org.tlrepro.core.results.Claims;
import org.tlrepro.core.results.CombinationSummary;
import org.tlrepro.core.results.Metrics;
import org.tlrepro.core.results.MetricsDiff;
import org.tlrepro.core.results.PaperFigures;
import org.tlrepro.core.results.PaperValues;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.results.Rule;
import org.tlrepro.core.results.SchemeSummary;
import org.tlrepro.core.results.Verdict;
import org.tlrepro.core.stage.ToolVersion;
import org.tlrepro.core.train.PaperCnn;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainedNetwork;

/**
 * What the templates see: the results, arranged the way the paper's tables are laid out, plus the figures and the
 * provenance. Every template gets the same model, so an override can show anything the defaults show.
 */
public final class ReportModel {

    /** A Table 2 column group: one scheme, with the mean and sample SD of its test losses. */
    public record Table2Column(SchemeSummary summary, double lossMean, double lossSd) {
    }

    /** A Table 2 row: run {@code run} of every scheme (an entry is null where a scheme has fewer runs). */
    public record Table2Row(int run, List<RunResult> runs) {
    }

    /** A Table 3 rank: our combination and the paper's at the same rank (either may be null). */
    public record Table3Rank(int rank, CombinationSummary ours, PaperValues.Table3Row paper) {
    }

    /** A figure of the dendrogram top of one class: panel a, b, ... of Figure 1. */
    public record Dendrogram(String panel, String className, Markup svg) {
    }

    /**
     * A figure as the report's {@code figures/} folder holds it.
     *
     * @param name file name without extension ({@code figure2a}); {@code .svg} and {@code .pdf} are written
     */
    public record Figure(String name, Markup svg) {
    }

    private ReportModel() {
    }

    /**
     * @param metrics  {@link Metrics#of} the results, for the diff against the baseline
     * @param baseline the baseline to diff against, or {@code null}
     */
    public static Map<String, Object> of(Results results, List<Rule.Outcome> outcomes, Map<String, Double> metrics,
                                         Baseline baseline) {
        Map<String, Object> m = new LinkedHashMap<>();
        PaperValues paper = results.paper();
        m.put("results", results);
        m.put("hasPaper", paper != null);
        if (paper != null) {
            m.put("paper", paper);
        }
        // Table 1 is the network tl:train recorded; published results of an older tl have none
        TrainedNetwork network = results.setup() == null ? null : results.setup().network();
        m.put("hasNetwork", network != null);
        if (network != null) {
            m.put("network", network);
            m.put("table1", network.layers());
            m.put("table1Total", network.parameters());
        }
        m.put("paperParameters", paper != null ? paper.parameters() : PaperCnn.PAPER_PARAMETERS);
        m.put("reductions", results.reductions());
        m.put("paperImprovement", paper == null ? Double.NaN : paper.improvement());
        m.put("table2", results.table2());
        m.put("table2Columns", results.table2().stream().map(ReportModel::column).toList());
        m.put("table2Rows", rows(results.table2()));
        m.put("table3", results.table3());
        m.put("table3Ranks", ranks(results.table3(), paper));
        m.put("outcomes", outcomes);
        m.put("failures", outcomes.stream().filter(Rule.Outcome::failed).count());
        m.put("verdict", Verdict.of(outcomes));
        m.put("oneClassRuns", results.runs().stream().filter(RunResult::predictedOneClass).count());
        // a scheme whose mean is below what always answering the majority class scores learned less than nothing
        m.put("belowMajority", results.table2().stream()
                .filter(s -> Double.isFinite(s.mean()) && Double.isFinite(s.majorityRate())
                        && s.mean() < s.majorityRate()).toList());
        m.put("hasBaseline", baseline != null);
        m.put("baselinePath", baseline == null ? "" : baseline.dir().toString());
        List<MetricsDiff.Row> diff = baseline == null ? List.of() : MetricsDiff.of(baseline.metrics(), metrics);
        m.put("diff", diff);
        // what a reader needs first: only the metrics that changed
        m.put("diffChanged", diff.stream().filter(MetricsDiff.Row::changed).toList());
        m.put("unrecorded", results.setup() == null);
        // the paper's claims with our 95% intervals, and the Table 3 rows that rest on a collapsed run
        List<Claim> claims = Claims.of(results);
        m.put("claims", claims);
        m.put("gainClaim", claims.get(0));
        m.put("collapsed", Claims.collapsedCombinations(results.runs()));
        m.put("deviations", results.deviations());
        m.put("clustering", results.clustering());
        m.put("toolVersion", ToolVersion.get());
        List<RunResult> runs = results.table2().stream().flatMap(s -> s.runs().stream()).toList();
        m.put("backends", runs.stream().map(RunResult::backend).filter(Objects::nonNull).distinct().toList());
        m.put("runToolVersions", runs.stream().map(RunResult::toolVersion).filter(Objects::nonNull).distinct().toList());
        m.put("trainingSeconds", runs.stream().mapToDouble(RunResult::seconds).sum());
        m.put("fmt", new Format());
        figures(m, results, paper);
        return m;
    }

    /** The figures, each under its own key for the templates and all as {@code figures} for the figure files. */
    private static void figures(Map<String, Object> m, Results results, PaperValues paper) {
        List<Figure> figures = new ArrayList<>();
        List<ClusterResult.ClassInfo> classes = results.clustering().classes();
        List<Dendrogram> figure1 = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            Dendrogram d = new Dendrogram(String.valueOf((char) ('a' + i)), classes.get(i).name(),
                    DendrogramChart.dendrogramTop(classes.get(i)));
            figure1.add(d);
            figures.add(new Figure("figure1" + d.panel(), d.svg()));
        }
        m.put("figure1", figure1);
        PaperFigures theirs = PaperFigures.of(paper);
        Markup figure2 = ScatterChart.scatter(results.figure2());
        m.put("figure2", figure2);
        figures.add(new Figure("figure2a", figure2));
        m.put("hasPaperFigures", theirs != null);
        if (theirs != null) {
            Markup figure2Paper = ScatterChart.paperScatter(theirs.distance());
            m.put("paperFigures", theirs);
            m.put("figure2Paper", figure2Paper);
            figures.add(new Figure("figure2b", figure2Paper));
        }
        m.put("hasPaperRatios", theirs != null && theirs.sourceRatio() != null);
        m.put("hasErrorBars", results.figure2().points().stream().anyMatch(p -> Double.isFinite(p.sd())));
        Markup source = ScatterChart.scatter(results.figure3Source(), theirs == null ? null : theirs.sourceRatio());
        Markup target = ScatterChart.scatter(results.figure3Target(), theirs == null ? null : theirs.targetRatio());
        Markup box = BoxPlotChart.boxPlot(results.table2());
        m.put("figure3Source", source);
        m.put("figure3Target", target);
        m.put("boxPlot", box);
        figures.add(new Figure("figure3a", source));
        figures.add(new Figure("figure3b", target));
        figures.add(new Figure("figure4", box));
        Markup curves = LearningCurveChart.learningCurves(results.table2());
        m.put("learningCurves", curves);
        figures.add(new Figure("figure5", curves));
        m.put("figures", figures);
    }

    /** The figures of a model that {@link #of} built. */
    @SuppressWarnings("unchecked")
    public static List<Figure> figures(Map<String, Object> model) {
        return (List<Figure>) model.get("figures");
    }

    private static Table2Column column(SchemeSummary s) {
        DescriptiveStatistics loss = new DescriptiveStatistics();
        s.runs().forEach(r -> loss.addValue(r.testLoss()));
        return new Table2Column(s, loss.getMean(), loss.getN() > 1 ? loss.getStandardDeviation() : Double.NaN);
    }

    private static List<Table2Row> rows(List<SchemeSummary> table2) {
        int most = table2.stream().mapToInt(s -> s.runs().size()).max().orElse(0);
        List<Table2Row> rows = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            int k = i;
            rows.add(new Table2Row(i + 1, table2.stream()
                    .map(s -> k < s.runs().size() ? s.runs().get(k) : null).toList()));
        }
        return rows;
    }

    private static List<Table3Rank> ranks(List<CombinationSummary> ours, PaperValues paper) {
        List<PaperValues.Table3Row> theirs = paper == null ? List.of() : paper.table3();
        int n = Math.max(ours.size(), theirs.size());
        List<Table3Rank> ranks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ranks.add(new Table3Rank(i + 1, i < ours.size() ? ours.get(i) : null,
                    i < theirs.size() ? theirs.get(i) : null));
        }
        return ranks;
    }
}
