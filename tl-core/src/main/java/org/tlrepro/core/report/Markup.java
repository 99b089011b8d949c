package org.tlrepro.core.report;

/**
 * Text that is already markup of the output language (an SVG chart), so the renderer inserts it unescaped. Only
 * code that escapes its own data, like the charts ({@link ScatterChart} and the others), makes one.
 */
public record Markup(String text) {

    @Override
    public String toString() {
        return text;
    }
}
