package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.results.Metrics;
import org.tlrepro.core.results.Results;

/**
 * The templates' README.txt, which a user overriding a template works from, describes every value of the model,
 * with and without the paper's values. (report-templates' own test checks the other direction: that every value
 * the default templates use is described.)
 */
class ReportModelDocumentedTest {

    @Test
    void everyModelValueIsDescribedInTheTemplatesReadme() throws IOException {
        String readme = readme();
        Set<String> missing = new TreeSet<>();
        for (boolean withPaper : new boolean[] {true, false}) {
            Results results = SyntheticResults.build(withPaper);
            Map<String, Object> model = ReportModel.of(results, List.of(), Metrics.of(results), null);
            model.put("provenance", null); // ReportStage adds it
            for (String key : model.keySet()) {
                if (!Pattern.compile("\\$" + key + "\\b").matcher(readme).find()) {
                    missing.add("$" + key);
                }
            }
        }
        assertEquals(Set.of(), missing, "model values that org/tlrepro/templates/README.txt does not describe");
    }

    private static String readme() throws IOException {
        try (InputStream in = ReportModel.class.getResourceAsStream("/org/tlrepro/templates/README.txt")) {
            assertNotNull(in, "README.txt of report-templates on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
