package org.tlrepro.core.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.results.Baseline;
import org.tlrepro.core.results.BuildRecords;
import org.tlrepro.core.results.Gates;
import org.tlrepro.core.results.Metrics;
import org.tlrepro.core.results.MetricsFile;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.results.ResultsLoader;
import org.tlrepro.core.results.Rule;
import org.tlrepro.core.results.WorkLayout;
import org.tlrepro.core.train.TrainSummary;

/**
 * {@code tl:report}: renders {@code report.html}, {@code tables.tex}, {@code figures.tex}, {@code report.tex} and
 * {@code summary.md} under {@code workDir/report} from one {@link Results}, writes every figure as SVG and PDF under
 * {@code figures/}, the results as CSV under {@code csv/}, its metrics as {@code metrics.json} and its
 * reproducibility record as {@code provenance.json}.
 * Each file is written whole or not at all.
 */
public final class ReportStage {

    public static final String HTML = "report.html";
    public static final String TABLES = "tables.tex";
    public static final String LATEX = "report.tex";
    public static final String FIGURES = "figures.tex";
    public static final String SUMMARY = "summary.md";

    private ReportStage() {
    }

    public static Path outputDir(Path workDir) {
        return new WorkLayout(workDir).report();
    }

    /** Loads what {@code tl:cluster} and {@code tl:train} wrote, or the published result, and renders the report. */
    public static ReportFiles run(ReportRequest request) {
        if (request.published() == null) {
            WorkLayout layout = new WorkLayout(request.workDir());
            TrainSummary training = ResultsLoader.trainSummary(layout);
            return write(ResultsLoader.load(layout, training, request.paperValues()),
                    BuildRecords.of(layout, training), request);
        }
        return write(ResultsLoader.loadPublished(request.published(), request.paperValues()),
                BuildRecords.ofPublished(request.published()), request);
    }

    /** Renders the report of results built in memory, which have no stage records. */
    public static ReportFiles write(Results results, ReportRequest request) {
        return write(results, BuildRecords.none(), request);
    }

    /**
     * Renders the report of {@code results}; the request's paper values are those already in the results.
     *
     * @param records what the stages recorded, for the provenance
     */
    public static ReportFiles write(Results results, BuildRecords records, ReportRequest request) {
        ReportRenderer renderer = new ReportRenderer(request.templatesDir());
        Baseline baseline = request.baseline() == null ? null : Baseline.read(request.baseline());
        List<Rule.Outcome> outcomes = Gates.check(results, request.rules(), baseline);
        Map<String, Double> metrics = Metrics.of(results);
        Provenance provenance = Provenance.collect(records, request.published(), results, request.build());
        Map<String, Object> model = ReportModel.of(results, outcomes, metrics, baseline);
        model.put("provenance", provenance);
        if (baseline != null) {
            model.put("baselinePath", Provenance.relative(baseline.dir().toAbsolutePath().normalize().toString(),
                    request.build().projectDir()));
        }
        Path dir = outputDir(request.workDir());
        Path provenanceFile = dir.resolve(Provenance.FILE);
        provenance.write(provenanceFile);
        Path metricsFile = dir.resolve(MetricsFile.NAME);
        MetricsFile.write(metricsFile, metrics);
        List<String> overridden = new ArrayList<>();
        Path html = render(renderer, model, dir, HTML, Escape::html, overridden);
        Path tables = render(renderer, model, dir, TABLES, Escape::tex, overridden);
        Path latex = render(renderer, model, dir, LATEX, Escape::tex, overridden);
        Path figuresTex = render(renderer, model, dir, FIGURES, Escape::tex, overridden);
        Path summary = render(renderer, model, dir, SUMMARY, Escape::markdown, overridden);
        List<Path> figures = FigureFiles.write(dir, ReportModel.figures(model));
        List<Path> csv = CsvFiles.write(dir, results);
        return new ReportFiles(html, latex, tables, figuresTex, summary, metricsFile, provenanceFile, figures, csv,
                List.copyOf(overridden));
    }

    private static Path render(ReportRenderer renderer, Map<String, Object> model, Path dir, String file,
                               UnaryOperator<String> escaper, List<String> overridden) {
        String template = file + ".vm";
        if (renderer.overridden(template)) {
            overridden.add(template);
        }
        Path target = dir.resolve(file);
        AtomicFiles.write(target, renderer.render(template, model, escaper).getBytes(StandardCharsets.UTF_8));
        return target;
    }
}
