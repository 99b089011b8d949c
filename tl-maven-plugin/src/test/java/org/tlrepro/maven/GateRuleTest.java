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
        r.setAlpha(0.05);
        assertEquals(0.05, r.toRule(0.001).alpha());
    }

    @Test
    void anAbsoluteRuleGetsNoLevelAndANamelessRuleIsNamedByItsMetric() {
        GateRule r = new GateRule();
        r.setMetric("table2.scheme1.mean");
        r.setCompare("absolute");
        r.setMaximumChange(0.5);
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
}
