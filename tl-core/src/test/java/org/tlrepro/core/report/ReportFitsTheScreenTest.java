package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report, laid out by a real browser (headless Chromium) in a 1024-px window: no table or figure reaches
 * past the viewport and no table needs its horizontal scrollbar. Runs where {@code chromium} is on the PATH;
 * .ci/run installs it (Debian's chromium), so CI always runs it.
 */
class ReportFitsTheScreenTest {

    /** Appended to a copy of the report: measures every table, figure and scroll box, writes what is too wide. */
    private static final String PROBE = """
            <script>
            const vw = document.documentElement.clientWidth; // the window less its vertical scrollbar
            const out = ['window ' + window.innerWidth];
            const name = e => e.id || (e.tagName.toLowerCase() + ' in ' + (e.closest('figure, .wide, table')?.id
                || e.closest('h2, section, figure')?.textContent?.slice(0, 40) || 'body'));
            document.querySelectorAll('table, figure, svg').forEach(e => {
              const r = e.getBoundingClientRect();
              if (r.right > vw + 0.5) out.push('too wide: ' + name(e) + ' ends at ' + Math.round(r.right));
            });
            document.querySelectorAll('.wide').forEach(e => {
              if (e.scrollWidth > e.clientWidth) out.push('scrolls: ' + (e.querySelector('table')?.id || 'box')
                + ' ' + e.scrollWidth + ' > ' + e.clientWidth);
            });
            const pre = document.createElement('pre');
            pre.id = 'probe';
            pre.textContent = out.join('\\n');
            document.body.appendChild(pre);
            </script>
            """;

    private static final Pattern RESULT = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL);

    @Test
    void everyTableAndFigureFitsA1024PixelScreen(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("chromium"), "chromium is not on the PATH");
        String html = render(dir);
        assertEquals(List.of("window 1024"), probe(dir, html, 1024));
    }

    /** The probe sees a table that does not fit: without this, a probe that measured nothing would pass. */
    @Test
    void theProbeReportsATableWiderThanTheScreen(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("chromium"), "chromium is not on the PATH");
        String html = render(dir).replace("<h2 id=\"gates\">", "<div class=\"wide\"><table id=\"too-wide\" "
                + "style=\"width:1500px\"><tr><td>x</td></tr></table></div><h2 id=\"gates\">");
        List<String> lines = probe(dir, html, 1024);
        assertEquals("window 1024", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("scrolls: too-wide")), lines.toString());
    }

    private static String render(Path dir) throws Exception {
        ReportFiles files = ReportStage.write(SyntheticResults.build(true),
                new ReportRequest(dir, null, null, ReportStageTest.RULES));
        return Files.readString(files.html());
    }

    /** The probe's lines: the viewport width, then one line per element that does not fit. */
    private static List<String> probe(Path dir, String html, int width) throws Exception {
        Path page = dir.resolve("probe.html");
        Files.writeString(page, html.replace("</body>", PROBE + "</body>"));
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=" + width + ",800", "--dump-dom",
                page.toUri().toString())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "chromium did not finish in 2 minutes");
        Matcher m = RESULT.matcher(dom);
        assertTrue(m.find(), "no probe result in Chromium's DOM; its errors:\n"
                + Files.readString(dir.resolve("chromium.err")));
        return m.group(1).lines().toList();
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }
}
