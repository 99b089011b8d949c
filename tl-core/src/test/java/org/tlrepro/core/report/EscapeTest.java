package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EscapeTest {

    @Test
    void negativeNumbersGetAMinusSignInLatexButHyphensStay() {
        assertEquals("\\(-\\)26.21 and (\\(-\\)0.5) but P1-U2, source-target, 1e-5",
                Escape.tex("-26.21 and (-0.5) but P1-U2, source-target, 1e-5"));
    }

    @Test
    void escapesLatexSpecialCharacters() {
        assertEquals("50\\% \\& \\_x\\_", Escape.tex("50% & _x_"));
        assertEquals("\\$\\#\\{\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{}", Escape.tex("$#{}~^\\"));
    }

    @Test
    void escapesHtml() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Escape.html("a <b> & \"c\" 'd'"));
    }

    @Test
    void keepsMarkdownCellsInOneCell() {
        assertEquals("a\\|b c \\_d\\_", Escape.markdown("a|b\nc _d_"));
    }
}
