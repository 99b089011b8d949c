package org.tlrepro.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.tlrepro.core.results.Rule;
import org.tlrepro.core.results.Verdict;

class VerdictAndJUnitXmlTest {

    static final Rule ENFORCED = new Rule("Scheme 1 learns", "table2.scheme1.minAboveMajority", 10.0, null, false);
    static final Rule CLAIM = new Rule("paper: +6.76", "table2.improvement", 6.76, null, true);
    static final Rule COMPARE = Rule.welch("Scheme 1 unchanged", "table2.scheme1.mean", 0.001);

    static List<Rule.Outcome> outcomes() {
        return List.of(ENFORCED.judge(12), ENFORCED.judge(3), CLAIM.judge(7), CLAIM.judge(1),
                new Rule.Outcome(COMPARE, 70, Rule.Status.SKIPPED, "no baseline", Rule.Skip.NO_BASELINE));
    }

    @Test
    void countsEnforcedRulesAndClaimsApart() {
        Verdict v = Verdict.of(outcomes());
        assertEquals(new Verdict(2, 1, 2, 1, java.util.Map.of(Rule.Skip.NO_BASELINE, 1)), v);
        assertEquals(1, v.skipped());
        assertFalse(v.passed());
        assertEquals("1 of 2 rules met (1 skipped: no baseline); the paper's values reached: 1 of 2", v.line());
        assertEquals("FAIL: 1 of 2 rules met (1 skipped: no baseline); the paper's values reached: 1 of 2", v.headline());
        Verdict ok = Verdict.of(List.of(ENFORCED.judge(12), CLAIM.judge(1)));
        assertTrue(ok.passed(), "a claim that does not hold fails nothing");
        assertEquals("1 of 1 rules met; the paper's values reached: 0 of 1", ok.line());
        assertEquals("PASS: no rules configured", Verdict.of(List.of()).headline());
    }

    @Test
    void junitXmlHasOneTestcasePerRuleWithFailuresOnlyForEnforcedRules(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("check").resolve(JUnitXml.FILE);
        JUnitXml.write(f, outcomes());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
        var xp = XPathFactory.newInstance().newXPath();
        assertEquals("5", xp.evaluate("/testsuite/@tests", doc));
        assertEquals("1", xp.evaluate("/testsuite/@failures", doc));
        assertEquals("2", xp.evaluate("/testsuite/@skipped", doc), "the claim that does not hold and the comparison");
        assertEquals(5.0, (Double) xp.evaluate("count(//testcase)", doc, XPathConstants.NUMBER));
        assertEquals(1.0, (Double) xp.evaluate("count(//testcase/failure)", doc, XPathConstants.NUMBER));
        assertEquals("tl.check.rules", xp.evaluate("//testcase[failure]/@classname", doc));
        assertTrue(xp.evaluate("//testcase[failure]/failure/@message", doc)
                .startsWith("FAIL Scheme 1 learns: table2.scheme1.minAboveMajority = 3.0000"));
        // a claim that holds passes; one that does not is skipped with its value, never a failure
        assertEquals(2.0, (Double) xp.evaluate("count(//testcase[@classname='tl.check.paperClaims'])", doc,
                XPathConstants.NUMBER));
        assertEquals(1.0, (Double) xp.evaluate("count(//testcase[@classname='tl.check.paperClaims']/skipped)", doc,
                XPathConstants.NUMBER));
        assertEquals(0.0, (Double) xp.evaluate("count(//testcase[@classname='tl.check.paperClaims']/failure)", doc,
                XPathConstants.NUMBER));
        assertTrue(xp.evaluate("(//testcase[@classname='tl.check.paperClaims'])[2]/skipped/@message", doc)
                .startsWith("the claim does not hold: "), xp.evaluate("//testcase[skipped]/skipped/@message", doc));
        assertTrue(xp.evaluate("/testsuite/@timestamp", doc).matches("\\d{4}-\\d{2}-\\d{2}T.*"));
    }
}
