package org.tlrepro.core.report;

/**
 * Escaping of values that come from data, one method per output language. The renderer applies the one that fits
 * the template to every reference it inserts, so a template never has to remember it.
 */
public final class Escape {

    private Escape() {
    }

    /** HTML and XML (also attribute values): {@code & < > " '}. */
    public static String html(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * LaTeX text mode: the ten special characters, {@code < >}, which OT1 fonts print as other glyphs, and the sign
     * of a negative number ({@code -2.5}, not the hyphen of {@code P1-U2}) as a math minus sign.
     */
    public static String tex(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '<' -> out.append("\\textless{}");
                case '>' -> out.append("\\textgreater{}");
                // the math minus: \textminus needs a T1 text font, which without cm-super is a Type 3 bitmap
                case '-' -> out.append(isSign(s, i) ? "\\(-\\)" : "-");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // a '-' before a digit that does not follow a letter, digit or closing bracket
    private static boolean isSign(String s, int i) {
        boolean digitAfter = i + 1 < s.length() && (Character.isDigit(s.charAt(i + 1))
                || s.charAt(i + 1) == '.' && i + 2 < s.length() && Character.isDigit(s.charAt(i + 2)));
        boolean operandBefore = i > 0
                && (Character.isLetterOrDigit(s.charAt(i - 1)) || ")]}".indexOf(s.charAt(i - 1)) >= 0);
        return digitAfter && !operandBefore;
    }

    /**
     * Markdown table cells: backslash-escapes the punctuation that would start emphasis, code, links, HTML or a new
     * cell, and joins lines.
     */
    public static String markdown(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|' -> out.append('\\').append(c);
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
