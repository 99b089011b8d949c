package org.tlrepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.results.Rule;

/** A POM's {@code <rule>} as tl-core's Rule. */
class GateRuleTest {

    @Test
    void aWelchRuleWithoutAlphaTakesTheDefaultLevel() {
        GateRule r = new GateRule();
        r.setName("scheme 4 unchanged");
        r.setMetric("table2.scheme4.mean");
        r.setCompare("Welch");
        Rule rule = r.toRule(0.001);
        assertEquals(Rule.Compare.WELCH, rule.compare());
        assertEquals(0.001, rule.alpha());
        r.setAlpha("0.05");
        assertEquals(0.05, r.toRule(0.001).alpha());
    }

    @Test
    void anAbsoluteRuleGetsNoLevelAndANamelessRuleIsNamedByItsMetric() {
        GateRule r = new GateRule();
        r.setMetric("table2.scheme1.mean");
        r.setCompare("absolute");
        r.setMaximumChange("0.5");
        Rule rule = r.toRule(0.001);
        assertNull(rule.alpha());
        assertEquals("table2.scheme1.mean", rule.name());
        assertEquals(0.5, rule.maximumChange());
    }

    @Test
    void anUnknownComparisonNamesTheFix() {
        GateRule r = new GateRule();
        r.setMetric("table2.scheme1.mean");
        r.setCompare("ttest");
        TlException e = assertThrows(TlException.class, () -> r.toRule(0.001));
        assertTrue(e.getMessage().contains("use welch or absolute"), e.getMessage());
    }

    /** Issue 33: -Dtl.runs=abc failed in Maven's "Cannot convert" of a rule's bound, before any tl code ran. */
    @Test
    void aBoundThatIsNotANumberNamesTheRule() {
        GateRule r = new GateRule();
        r.setName("every run");
        r.setMetric("table2.scheme1.runs");
        r.setMinimum(" 3 ");
        assertEquals(3.0, r.toRule(0.001).minimum());
        r.setMinimum("abc");
        TlException e = assertThrows(TlException.class, () -> r.toRule(0.001));
        assertEquals("the rule 'every run' has <minimum>abc</minimum>, which is not a number: fix the rule or the "
                + "property it takes its value from", e.getMessage());
        r.setMinimum("${tl.runs}");
        e = assertThrows(TlException.class, () -> r.toRule(0.001));
        assertTrue(e.getMessage().contains("(a property it names is not set)"), e.getMessage());
    }

    /** Issue 33: own images where every model predicted one class counted "+0.00" as the claim of improvement met. */
    @Test
    void aboveIsAStrictLowerBound() {
        GateRule r = new GateRule();
        r.setName("Scheme 4 improves on Scheme 1");
        r.setMetric("table2.scheme4.mean - table2.scheme1.mean");
        r.setAbove("0");
        Rule rule = r.toRule(0.001);
        assertEquals(Rule.Status.FAIL, rule.judge(0.0).status());
        assertEquals(Rule.Status.PASS, rule.judge(0.01).status());
        assertTrue(rule.judge(0.0).detail().contains("above 0.0"), rule.judge(0.0).detail());
        r.setMinimum("0");
        assertThrows(TlException.class, () -> r.toRule(0.001));
    }
}
