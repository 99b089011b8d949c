package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.TlException;
import org.tlrepro.core.results.Baseline;
import org.tlrepro.core.results.Metrics;
import org.tlrepro.core.results.MetricsFile;
import org.tlrepro.core.results.Results;
import org.tlrepro.core.results.Rule;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ReportStageTest {

    static final List<Rule> RULES = List.of(new Rule("every scheme ran", "table2.scheme1.runs", 1.0, null, false),
            new Rule("transfer helps", "table2.improvement", 6.76, null, true));

    @TempDir
    static Path work;
    static ReportFiles files;
    static String html;

    @BeforeAll
    static void render() throws Exception {
        files = ReportStage.write(SyntheticResults.build(true), new ReportRequest(work, null, null, RULES));
        html = Files.readString(files.html());
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document doc, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING);
    }

    /** How many nodes {@code xpath} selects. */
    static int count(Document doc, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                .getLength();
    }

    @Test
    void writesTheFourFilesUnderReport() {
        for (Path p : files.all()) {
            assertEquals(work.resolve("report"), p.getParent());
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        assertEquals(List.of(), files.overridden());
    }

    @Test
    void htmlIsWellFormedWithTheThreeTables() throws Exception {
        Document doc = parse(html);
        for (String id : List.of("table1", "table2", "table3", "deviations", "provenance")) {
            assertEquals(1, count(doc, "//*[@id='" + id + "']"), id);
        }
        assertEquals(7, count(doc, "//svg"), "box plot, learning curves, Figure 1 of one class, 2a, 2b, 3a, 3b");
    }

    @Test
    void everyFigureIsAStandaloneSvgAndAPdfThatFiguresTexIncludes() throws Exception {
        List<String> names = files.figures().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("figure1a.svg", "figure1a.pdf", "figure2a.svg", "figure2a.pdf", "figure2b.svg",
                "figure2b.pdf", "figure3a.svg", "figure3a.pdf", "figure3b.svg", "figure3b.pdf", "figure4.svg",
                "figure4.pdf", "figure5.svg", "figure5.pdf"), names);
        String tex = Files.readString(files.figuresTex());
        for (Path f : files.figures()) {
            assertEquals(work.resolve("report").resolve("figures"), f.getParent());
            if (f.toString().endsWith(".svg")) {
                Document svg = parse(Files.readString(f));
                assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getAttribute("xmlns"));
            } else {
                byte[] pdf = Files.readAllBytes(f);
                assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII), f.toString());
                assertTrue(tex.contains("{\\tlreportdir figures/" + f.getFileName() + "}"), tex);
            }
        }
        assertTrue(Files.readString(files.latex()).contains("\\input{figures}"));
    }

    @Test
    void provenanceRecordsSoftwareSettingsGitAndEverySeed(@TempDir Path dir) throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        ReportFiles f = ReportStage.write(SyntheticResults.build(true), new ReportRequest(dir, null, null, RULES,
                null, null, new BuildContext(repo, "3.9.9", Map.of("tl.runs", "3", "tl.epochs", "5"))));
        var json = org.tlrepro.core.io.Json.MAPPER.readTree(f.provenance().toFile());
        assertTrue(json.get("generated").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), json.toString());
        assertEquals("3.9.9", json.get("software").get("maven").asText());
        assertEquals(System.getProperty("java.version"), json.get("software").get("java").asText().split(" ")[0]);
        assertTrue(json.get("software").get("deeplearning4j").asText().startsWith("1.0.0"), json.toString());
        assertEquals("{\"tl.epochs\":\"5\",\"tl.runs\":\"3\"}", json.get("settings").toString());
        assertEquals(SyntheticResults.build(true).runs().size(), json.get("seeds").size());
        assertEquals("this build", json.get("results").asText());
        if (GitState.of(repo) != null) { // a source tree that is not a git clone has no commit to record
            assertTrue(json.get("git").get("commit").asText().matches("[0-9a-f]{40}"));
        }
        Document doc = parse(Files.readString(f.html()));
        String provenance = text(doc, "//*[@id='provenance']/following-sibling::dl[1]");
        assertTrue(provenance.contains("tl.epochs=5, tl.runs=3"), provenance);
        assertTrue(provenance.contains("maven 3.9.9"), provenance);
    }

    /** The CSV files read back as R or pandas would: a header, a row per run / epoch / scheme / combination. */
    @Test
    void resultsAreWrittenAsCsv() throws Exception {
        assertEquals(List.of("runs.csv", "epochs.csv", "schemes.csv", "combinations.csv"),
                files.csv().stream().map(p -> p.getFileName().toString()).toList());
        List<String> runs = Files.readAllLines(files.csv().get(0));
        assertEquals("table,combination,scheme,run,seed,trainSize,testSize,testLoss,testAccuracy,majorityRate,"
                + "predictedOneClass,confusion,positiveClass,truePositives,falseNegatives,falsePositives,"
                + "trueNegatives,sensitivity,specificity,balancedAccuracy,epochs,seconds,imagesPerSecond,fingerprint",
                runs.get(0));
        assertEquals(1 + 6 + 2 * 2 + 2, runs.size(), "header, 6 Table 2 runs, 2 + 1 runs of 2 schemes in Table 3");
        // a table and a combination column
        assertTrue(runs.get(1).startsWith("table2,,1,1,8,70,30,0.5,60.0,"), runs.get(1));
        assertTrue(runs.stream().anyMatch(l -> l.startsWith("table3,\"P<&>1+U1\",")), "the odd combination's runs");
        List<String> epochs = Files.readAllLines(files.csv().get(1));
        assertEquals("table,combination,scheme,run,epoch,trainingLoss", epochs.get(0));
        assertEquals("table2,,1,1,1,0.6", epochs.get(1));
        List<String> schemes = Files.readAllLines(files.csv().get(2));
        assertEquals(3, schemes.size());
        assertTrue(schemes.get(1).startsWith("1,\"70% of the target\",3,70.0,10.0,60.0,80.0,"), schemes.get(1));
        List<String> combinations = Files.readAllLines(files.csv().get(3));
        assertEquals(3, combinations.size());
        assertTrue(combinations.get(2).contains(",,"), "no SD of a single run: an empty field, " + combinations.get(2));
    }

    @Test
    void figuresAreNumberedAndShowThePapersValues() throws Exception {
        Document doc = parse(html);
        List<String> captions = new java.util.ArrayList<>();
        NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate("//figcaption", doc,
                XPathConstants.NODESET);
        for (int i = 0; i < list.getLength(); i++) {
            captions.add(list.item(i).getTextContent().split("\\.")[0]);
        }
        assertEquals(List.of("Figure 4 (not in the paper)", "Figure 5 (not in the paper)", "Figure 1a", "Figure 2a",
                "Figure 2b", "Figure 3a", "Figure 3b"), captions);
        assertEquals(3 * 16, count(doc, "//*[local-name()='circle'][@class='paper']"),
                "the paper's 16 combinations in Figures 2b, 3a and 3b");
        assertEquals(2, count(doc, "//*[local-name()='line'][@class='paper-sd']"), "the paper's SD of Schemes 1 and 4");
    }

    @Test
    void htmlFitsANarrowScreenAndPrintsWithoutScrolling() throws Exception {
        Document doc = parse(html);
        assertEquals("width=device-width, initial-scale=1", text(doc, "//meta[@name='viewport']/@content"));
        String css = text(doc, "//style");
        // every chart has a viewBox, so the stylesheet's max-width shrinks it instead of overflowing a phone
        assertTrue(css.contains("figure svg { max-width: 100%; height: auto; }"), css);
        assertEquals(count(doc, "//*[local-name()='svg']"), count(doc, "//*[local-name()='svg'][@viewBox]"));
        assertTrue(css.contains("@media print"), css);
    }

    @Test
    void aSchemeBelowItsMajorityRateIsWarnedOf(@TempDir Path dir) throws Exception {
        ReportFiles f = ReportStage.write(SyntheticResults.build(true, 2, 0.55, 0.57, 0.59),
                new ReportRequest(dir, null, null, RULES));
        Document doc = parse(Files.readString(f.html()));
        String warning = text(doc, "//p[contains(@class,'below-majority')]");
        assertTrue(warning.contains("Scheme 1's mean accuracy, 57.00%, is below the 60.00%"), warning);
        assertEquals(1, count(doc, "//p[contains(@class,'below-majority')]"), "Scheme 4 (62%) is above: " + warning);
        assertTrue(Files.readString(f.summary()).contains("Scheme 1's mean accuracy, 57.00%, is below"));
        assertEquals(0, count(parse(html), "//p[contains(@class,'below-majority')]"), "none where every scheme learns");
    }

    @Test
    void aReducedConfigurationIsSaidAtTheTopAndTheHeadlineGivesThePapersGain() throws Exception {
        Document doc = parse(html);
        String banner = text(doc, "//p[@id='reduced']");
        assertTrue(banner.contains("100 images per class (the paper: 5,000)"), banner);
        assertTrue(banner.contains("3 runs per scheme (the paper: 10)"), banner);
        assertTrue(text(doc, "//p[@id='headline']").contains("percentage points (95% confidence interval "),
                text(doc, "//p[@id='headline']"));
        assertTrue(text(doc, "//p[@id='headline']").contains("the paper: +6.76."), text(doc, "//p[@id='headline']"));
        assertTrue(Files.readString(files.summary()).contains("**Not the paper's configuration:** 100 images"));
        assertTrue(Files.readString(files.latex()).contains("(the paper: +6.76)"));
    }

    @Test
    void table1IsTheRecordedNetwork() throws Exception {
        Document doc = parse(html);
        assertEquals("Table 1. The paper's CNN as tl:train built it for the 50x50x3 images of 2 classes "
                + "(Parasitized, Uninfected)", text(doc, "//table[@id='table1']/caption"));
        assertEquals("848,226", text(doc, "//table[@id='table1']/tfoot/tr[1]/td[3]"));
        assertEquals("848,226", text(doc, "//table[@id='table1']/tfoot/tr[2]/td[3]"));
    }

    @Test
    void table2HasEveryRunAndTheMeansWithTwoDecimals() throws Exception {
        Document doc = parse(html);
        assertEquals(3, count(doc, "//table[@id='table2']/tbody/tr"));
        assertEquals("60.00", text(doc, "//table[@id='table2']/tbody/tr[1]/td[3]"));
        assertEquals("70.00", text(doc, "(//table[@id='table2']//td[@class='mean'])[1]"));
        assertEquals("75.00", text(doc, "(//table[@id='table2']//td[@class='mean'])[2]"));
        assertEquals("10.00", text(doc, "//table[@id='table2']/tfoot/tr[2]/td[3]"), "sample SD of 60, 70, 80");
        assertEquals("60.00", text(doc, "//table[@id='table2']/tfoot/tr[3]/td[3]"), "majority-class rate");
        assertEquals("1", text(doc, "//table[@id='table2']/tfoot/tr[4]/td[3]"), "the 60% run predicted one class");
        assertEquals("69.06", text(doc, "//table[@id='table2']/tfoot/tr[5]/td[3]"));
        assertEquals("+0.94", text(doc, "//table[@id='table2']/tfoot/tr[7]/td[3]"));
    }

    @Test
    void table3PutsThePapersRowsBesideOursByRank() throws Exception {
        Document doc = parse(html);
        assertEquals(16, count(doc, "//table[@id='table3']/tbody/tr"));
        assertEquals(SyntheticResults.ODD_COMBINATION, text(doc, "//table[@id='table3']/tbody/tr[1]/td[2]"));
        assertEquals("2", text(doc, "//table[@id='table3']/tbody/tr[1]/td[8]"), "runs");
        assertEquals("60.00", text(doc, "//table[@id='table3']/tbody/tr[1]/td[9]"), "majority-class rate");
        assertEquals("+9.00", text(doc, "//table[@id='table3']/tbody/tr[1]/td[12]"));
        assertEquals("0.00", text(doc, "//table[@id='table3']/tbody/tr[1]/td[13]"), "SD of the per-run improvement");
        assertEquals("n/a", text(doc, "//table[@id='table3']/tbody/tr[2]/td[13]"), "no SD of a single run");
        assertEquals(16, count(doc, "//table[@id='table3-paper']/tbody/tr"));
        assertEquals("P2+U2", text(doc, "//table[@id='table3-paper']/tbody/tr[1]/td[2]"));
        assertEquals("+9.00", text(doc, "//table[@id='table3-paper']/tbody/tr[1]/td[9]"), "ours at the paper's rank 1");
        assertEquals("not trained", text(doc, "//table[@id='table3']/tbody/tr[3]/td[2]"));
        assertTrue(html.contains("assigned independently"));
        assertTrue(html.contains("Bars: one SD"), "a combination has two runs");
    }

    @Test
    void escapesValuesFromData() throws Exception {
        assertFalse(html.contains("<&>"), "raw special characters from data");
        assertFalse(html.contains("$"), "a reference left unrendered");
        assertTrue(html.contains("Net &lt;&amp;&gt; 1"));
        assertTrue(parse(html).getDocumentElement().getTextContent().contains(SyntheticResults.NETWORK));
    }

    @Test
    void loadsNothingFromTheNetwork() {
        Matcher m = Pattern.compile("(https?:)?//[\\w.-]+\\.[a-z]{2,}[^\\s\"'<)]*").matcher(html);
        while (m.find()) {
            assertEquals("http://www.w3.org/2000/svg", m.group(), "only the SVG namespace may name a URL");
        }
        assertFalse(html.contains(" src="));
        assertFalse(html.contains("<link"));
    }

    @Test
    void listsDeviationsAndProvenance() throws Exception {
        Document doc = parse(html);
        String all = doc.getDocumentElement().getTextContent();
        assertTrue(all.contains("the paper used Inception V3"), "deviation about the embedding network");
        assertTrue(all.contains("cpu <avx2>"), "backend");
        assertTrue(all.contains("Scheme 1: 8, 15, 22"), "seeds");
        assertTrue(all.contains("PASS every scheme ran"));
    }

    @Test
    void latexTablesUseBooktabsAndEscapeData() throws Exception {
        String tables = Files.readString(files.tables());
        assertEquals(4, tables.split("\\\\toprule", -1).length - 1, "Tables 1, 2, 3 and the paper's 3");
        assertTrue(tables.contains("P\\textless{}\\&\\textgreater{}1+U1"), tables);
        assertTrue(tables.contains("848,226"));
        assertFalse(tables.contains("<&>"));
        for (String tabular : tables.split("\\\\begin\\{tabular\\}")) {
            String body = tabular.substring(0, Math.max(0, tabular.indexOf("\\end{tabular}")));
            assertFalse(Pattern.compile("\\n\\s*\\n").matcher(body).find(), "a blank line inside a tabular: " + body);
        }
        String doc = Files.readString(files.latex());
        assertTrue(doc.contains("\\usepackage{booktabs}"));
        assertTrue(doc.contains("\\input{tables}"));
        assertTrue(doc.contains("Net \\textless{}\\&\\textgreater{} 1"));
    }

    @Test
    void summaryHasTable2AndTheGatesInMarkdown() throws Exception {
        String md = Files.readString(files.summary());
        assertTrue(md.contains("Table 2\n-------\n"), md);
        assertTrue(md.contains("| Scheme | Trained on | Runs | Mean accuracy (%) |"), md);
        assertTrue(md.startsWith("# tl report summary\n\n**Scheme 4 minus Scheme 1 (mean test accuracy): +5.00 "
                + "percentage points"), md);
        assertTrue(md.contains("PASS: 1 of 1 rules met; the paper's values reached: 0 of 1.\n"), md);
        assertTrue(md.contains("| 1 | 70% of the target | 3 | 70.00 | 10.00 | 60.00 | +0.00 | 1 | 69.06 | 4.00 | +0.94 |"),
                md);
        assertTrue(md.contains("**Warning: "), "a run predicted one class: " + md);
        assertTrue(md.contains("- PASS every scheme ran"), md);
        assertTrue(md.contains("- FAIL transfer helps"), md);
        assertTrue(md.contains("P\\<&\\>1+U1"), md);
        for (String line : md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Scheme")).toList()) {
            long cells = line.replace("\\|", "").chars().filter(c -> c == '|').count() - 1;
            assertTrue(cells == 4 || cells == 11 || cells == 16, "cells in: " + line); // claims, Tables 2, 3
        }
    }

    @Test
    void noErrorBarsAreMentionedWhenEveryCombinationHasOneRun(@TempDir Path dir) throws Exception {
        Results single = SyntheticResults.build(true, 1);
        ReportFiles f = ReportStage.write(single, new ReportRequest(dir, null, null, List.of()));
        assertFalse(Files.readString(f.html()).contains("Bars: one SD"));
    }

    @Test
    void writesEveryMetricToMetricsJson() throws Exception {
        Map<String, Double> written = MetricsFile.read(files.metrics());
        assertEquals(Metrics.of(SyntheticResults.build(true)).keySet(), written.keySet());
        assertEquals(70.0, written.get("table2.scheme1.mean"), 1e-9);
    }

    @Test
    void withABaselineTheSummaryOpensWithTheResultTheVerdictAndWhatChanged(@TempDir Path dir) throws Exception {
        Results now = SyntheticResults.build(true);
        Map<String, Double> old = new LinkedHashMap<>(Metrics.of(now));
        old.put("table2.scheme1.mean", 72.5);
        Path baseline = dir.resolve("baseline");
        Baseline.write(baseline, old, now.runs());
        List<Rule> rules = List.of(RULES.get(0), Rule.welch("Scheme 4 unchanged", "table2.scheme4.mean", 0.001));
        ReportFiles f = ReportStage.write(now, new ReportRequest(dir, null, null, rules, baseline));
        String md = Files.readString(f.summary());
        // the headline result first, then the verdict, the baseline named (no project folder known: as given)
        assertTrue(md.startsWith("# tl report summary\n\n**Scheme 4 minus Scheme 1 (mean test accuracy): "), md);
        assertTrue(md.contains("** PASS: 2 of 2 rules met; compared with the baseline " + baseline + ".\n"), md);
        assertTrue(md.contains("| Metric | Baseline | Now | Change |"), md);
        assertTrue(md.contains("| table2.scheme1.mean | 72.5000 | 70.0000 | -2.5000 |"), md);
        assertFalse(md.contains("| table2.scheme4.mean |"), "only what changed: " + md);
        assertTrue(md.indexOf("Against the baseline") < md.indexOf("Table 2\n"), "the diff comes first");
        Document doc = parse(Files.readString(f.html()));
        assertEquals("-2.5000", text(doc, "//table[@id='diff']/tbody/tr[td[1]='table2.scheme1.mean']/td[4]"));
        assertEquals(1, count(doc, "//table[@id='diff']/tbody/tr"), "only the changed metric");
        assertTrue(text(doc, "//p[@id='headline']").startsWith("Scheme 4 minus Scheme 1"));

        // the baseline compared with itself: no table, one sentence
        Baseline.write(baseline, Metrics.of(now), now.runs());
        ReportFiles same = ReportStage.write(now, new ReportRequest(dir.resolve("same"), null, null, rules, baseline));
        Document sameDoc = parse(Files.readString(same.html()));
        assertEquals(0, count(sameDoc, "//table[@id='diff']"));
        assertTrue(text(sameDoc, "//p[@id='baseline']").startsWith("Every metric is the baseline's"));
    }

    @Test
    void aPublishedResultRendersWithoutTheBuildsOwnRuns(@TempDir Path dir) throws Exception {
        Results published = SyntheticResults.build(true);
        Path folder = dir.resolve("published");
        Baseline.write(folder, Metrics.of(published), published.runs(), published.clustering(), published.setup());
        Path work = dir.resolve("work");
        ReportFiles f = ReportStage.run(new ReportRequest(work, null, null, List.of(), folder, folder));
        assertEquals(70.0, MetricsFile.read(f.metrics()).get("table2.scheme1.mean"), 1e-9);
        Document doc = parse(Files.readString(f.html()));
        assertEquals(2, count(doc, "//table[@id='table3']/tbody/tr"));
        assertEquals("848,226", text(doc, "//table[@id='table1']/tfoot/tr[1]/td[3]"), "Table 1 from setup.json");
        assertTrue(f.html().startsWith(work), "the report goes to this build's work folder");
    }

    @Test
    void aPublishedResultWithoutItsSetupLeavesTable1OutAndSaysWhy(@TempDir Path dir) throws Exception {
        Results published = SyntheticResults.build(true);
        Path folder = dir.resolve("published");
        Baseline.write(folder, Metrics.of(published), published.runs(), published.clustering(), null);
        ReportFiles f = ReportStage.run(new ReportRequest(dir.resolve("work"), null,
                Path.of("../reproduction-project/src/paper/paper-values.json"), List.of(), null, folder));
        Document doc = parse(Files.readString(f.html()));
        assertEquals(0, count(doc, "//table[@id='table1']"));
        assertTrue(text(doc, "//p[@id='table1']").contains("do not record the network"));
        assertTrue(text(doc, "//p[@id='unrecorded']").contains("were not recorded"));
        // the banner lists what the results show to be reduced (their sizes and run counts), never what is unknown
        String banner = text(doc, "//p[@id='reduced']");
        assertTrue(banner.contains("100 images per class"), banner);
        assertFalse(banner.contains("not recorded"), banner);
        assertFalse(Files.readString(f.tables()).contains("tab:tl-table1"));
    }

    @Test
    void aPublishedFolderWithoutItsClusteringSaysWhichFolderToName(@TempDir Path dir) {
        Results published = SyntheticResults.build(true);
        Path folder = dir.resolve("baseline-only");
        Baseline.write(folder, Metrics.of(published), published.runs());
        TlException e = assertThrows(TlException.class, () -> ReportStage.run(
                new ReportRequest(dir, null, null, List.of(), null, folder)));
        assertTrue(e.getMessage().contains("tl.report.results") && e.getMessage().contains("cluster.json"),
                e.getMessage());
    }

    @Test
    void rendersWithoutThePapersValues(@TempDir Path dir) throws Exception {
        ReportFiles f = ReportStage.write(SyntheticResults.build(false), new ReportRequest(dir, null, null, List.of()));
        Document doc = parse(Files.readString(f.html()));
        assertEquals(2, count(doc, "//table[@id='table3']/tbody/tr"));
        assertTrue(Files.readString(f.summary()).contains("No rules are configured."));
    }

    @Test
    void aTemplateOfTheUsersFolderReplacesTheDefault(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("summary.md.vm"), "custom summary: $table2.size() schemes, "
                + "Scheme 1 mean $fmt.fixed($table2.get(0).mean(), 1)\n");
        ReportFiles f = ReportStage.write(SyntheticResults.build(true),
                new ReportRequest(dir, templates, null, RULES));
        assertEquals("custom summary: 2 schemes, Scheme 1 mean 70.0\n", Files.readString(f.summary()));
        assertEquals(List.of("summary.md.vm"), f.overridden());
        assertTrue(Files.readString(f.html()).contains("id=\"table2\""), "the other templates are the defaults");
    }

    @Test
    void aMisspeltReferenceInATemplateIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("summary.md.vm"), "$tabel2.size()\n");
        TlException e = assertThrows(TlException.class, () -> ReportStage.write(SyntheticResults.build(true),
                new ReportRequest(dir, templates, null, RULES)));
        assertTrue(e.getMessage().contains(templates.resolve("summary.md.vm").toString()), e.getMessage());
        assertNotNull(e.getMessage());
    }

    @Test
    void aMissingTemplateFolderIsAnErrorNamingTheParameter(@TempDir Path dir) {
        TlException e = assertThrows(TlException.class, () -> ReportStage.write(SyntheticResults.build(true),
                new ReportRequest(dir, dir.resolve("nope"), null, RULES)));
        assertTrue(e.getMessage().contains("tl.templates"), e.getMessage());
    }
}
