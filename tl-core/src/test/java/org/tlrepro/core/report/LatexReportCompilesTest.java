package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.tex (with tables.tex) compiles with pdflatex, and its tables fit the page. Runs where pdflatex is on the
 * PATH; .ci/run installs it (Debian's texlive-latex-recommended), so CI always runs it.
 */
class LatexReportCompilesTest {

    @Test
    void reportTexCompilesWithPdflatexWithoutOverfullBoxes(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("pdflatex"), "pdflatex is not on the PATH");
        Path folder = render(dir);
        assertCompilesCleanly(folder, "report");
    }

    /**
     * What a paper does: \input{tables} and \input{figures} in a plain article with its default margins. Portrait
     * single column; in two columns Table 1 fits a column, Tables 2 and 3 and Figures 1 to 3 span both (table*,
     * figure*).
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "twocolumn"})
    void tablesAndFiguresFitAPlainArticle(String options, @TempDir Path dir) throws Exception {
        assumeTrue(onPath("pdflatex"), "pdflatex is not on the PATH");
        Path folder = render(dir);
        Files.writeString(folder.resolve("article.tex"), "\\documentclass[" + options + "]{article}\n"
                + "\\usepackage{booktabs}\n\\usepackage{graphicx}\n\\begin{document}\n\\input{tables}\n"
                + "\\input{figures}\n\\end{document}\n");
        assertCompilesCleanly(folder, "article");
    }

    /**
     * What a journal's paper does: a two-column document in another folder inputs the report from its subfolder,
     * holding its own tables and figures before ours. It compiles with no missing file, the report's tables keep the
     * paper's numbers (1, 2, 3a, 3b) and the paper's own table after them keeps its number; and, where poppler's
     * pdffonts is installed, the PDF has no Type 3 font and no font that is not embedded.
     */
    @Test
    void aTwoColumnPaperInputsTheReportFromASubfolder(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("pdflatex"), "pdflatex is not on the PATH");
        Path report = render(dir);
        Path paper = report.getParent();
        String sub = report.getFileName().toString();
        Files.writeString(paper.resolve("paper.tex"), "\\documentclass[twocolumn]{article}\n"
                + "\\usepackage{booktabs}\n\\usepackage{graphicx}\n\\newcommand{\\tlreportdir}{" + sub + "/}\n"
                + "\\begin{document}\nOur own table comes first.\n"
                + "\\begin{table}[h]\\caption{The paper's own}\\label{tab:own}\\centering x\\end{table}\n"
                + "\\input{" + sub + "/tables}\n\\input{" + sub + "/figures}\n"
                + "\\begin{table}[h]\\caption{Another of its own}\\label{tab:own2}\\centering y\\end{table}\n"
                + "\\end{document}\n");
        pdflatex(paper, "paper");
        String log = pdflatex(paper, "paper");
        assertFalse(log.contains("File `") && log.contains("not found"), log);
        String aux = Files.readString(paper.resolve("paper.aux"), StandardCharsets.ISO_8859_1);
        for (String[] label : new String[][] {{"tab:own", "1"}, {"tab:tl-table1", "1"}, {"tab:tl-table2", "2"},
                {"tab:tl-table3", "3a"}, {"tab:tl-table3-paper", "3b"}, {"tab:own2", "2"}}) {
            assertTrue(aux.contains("\\newlabel{" + label[0] + "}{{" + label[1] + "}"),
                    label[0] + " should be numbered " + label[1] + ":\n" + aux);
        }
        assumeTrue(onPath("pdffonts"), "pdffonts (poppler-utils) is not on the PATH");
        Process p = new ProcessBuilder("pdffonts", "paper.pdf").directory(paper.toFile()).redirectErrorStream(true)
                .start();
        String fonts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        List<String> rows = fonts.lines().skip(2).toList();
        assertFalse(rows.isEmpty(), fonts);
        for (String row : rows) {
            assertFalse(row.contains("Type 3"), "a Type 3 (bitmap) font:\n" + fonts);
            // columns: name type encoding emb sub uni object ID
            String[] cols = row.trim().split("\\s+");
            assertEquals("yes", cols[cols.length - 5], "a font that is not embedded:\n" + fonts);
        }
    }

    private static Path render(Path dir) {
        ReportFiles files = ReportStage.write(SyntheticResults.build(true),
                new ReportRequest(dir, null, null, ReportStageTest.RULES));
        return files.html().getParent();
    }

    /** Two passes, as a user runs it, so that the cross-references resolve; the second must be clean. */
    private static void assertCompilesCleanly(Path folder, String name) throws Exception {
        pdflatex(folder, name);
        String log = pdflatex(folder, name);
        assertTrue(Files.size(folder.resolve(name + ".pdf")) > 0);
        assertFalse(log.contains("Overfull \\hbox"), "a table is wider than the page:\n" + log);
        assertEquals(List.of(), log.lines().filter(l -> l.contains("Warning")).toList(), log);
    }

    private static String pdflatex(Path folder, String name) throws Exception {
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex")
                .directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".out").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "pdflatex did not finish in 2 minutes");
        String log = Files.readString(folder.resolve(name + ".log"), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), log);
        return log;
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }
}
