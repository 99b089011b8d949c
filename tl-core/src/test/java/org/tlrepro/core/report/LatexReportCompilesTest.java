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
import org.junit.jupiter.api.io.TempDir;

/**
 * report.tex (with tables.tex) compiles with pdflatex, and its tables fit the page. Runs where pdflatex is on the
 * PATH; .ci/run installs it (Debian's texlive-latex-recommended), so CI always runs it.
 */
class LatexReportCompilesTest {

    @Test
    void reportTexCompilesWithPdflatexWithoutOverfullBoxes(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("pdflatex"), "pdflatex is not on the PATH");
        ReportFiles files = ReportStage.write(SyntheticResults.build(true),
                new ReportRequest(dir, null, null, ReportStageTest.RULES, 50));
        Path folder = files.html().getParent();
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "report.tex")
                .directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pdflatex.out").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "pdflatex did not finish in 2 minutes");
        String log = Files.readString(folder.resolve("report.log"), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), log);
        assertTrue(Files.size(folder.resolve("report.pdf")) > 0);
        assertFalse(log.contains("Overfull \\hbox"), "a table is wider than the page:\n" + log);
        // the first pass of a document with labels always asks for a rerun; any other warning is a defect
        assertEquals(List.of(), log.lines().filter(l -> l.contains("Warning") && !l.contains("Rerun")).toList(), log);
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }
}
