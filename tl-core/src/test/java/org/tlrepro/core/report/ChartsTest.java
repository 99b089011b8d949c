package org.tlrepro.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.results.Regression;
import org.w3c.dom.Document;

class ChartsTest {

    static Document parse(Markup svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.text().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scatterShowsEveryPointTheLineAndItsSlope() throws Exception {
        Regression r = Regression.fit("x <distance>", "y", List.of(new Regression.Point("A&B", 0.1, 1),
                new Regression.Point("C", 0.2, 3), new Regression.Point("D", 0.3, 5)));
        Document svg = parse(ScatterChart.scatter(r));
        assertEquals(3, countClass(svg, "ours"));
        assertEquals(1, countClass(svg, "legend"), "one legend entry: ours");
        assertEquals(1, countClass(svg, "fit"));
        assertTrue(svg.getDocumentElement().getTextContent().contains("slope = 20.0, R\u00b2 = 1.000, p = "),
                svg.getDocumentElement().getTextContent());
        assertTrue(svg.getDocumentElement().getTextContent().contains("A&B"));
    }

    @Test
    void scatterDrawsAnErrorBarWhereAPointHasAnSd() throws Exception {
        Regression r = Regression.fit("x", "y", List.of(new Regression.Point("A", 0.1, 1, 2),
                new Regression.Point("B", 0.2, 3), new Regression.Point("C", 0.3, 4, 0.5)));
        Document svg = parse(ScatterChart.scatter(r));
        assertEquals(2, countClass(svg, "errorbar"));
        assertTrue(Double.isFinite(r.slopePValue()) && r.slopePValue() > 0 && r.slopePValue() < 1, "" + r.slopePValue());
    }

    @Test
    void aTickNextToZeroReadsZero() throws Exception {
        // padding 0.0019..0.0397 by 5% puts the first tick at 1e-5, which printed as "1.00e-05"
        Regression r = Regression.fit("x", "y", List.of(new Regression.Point("A", 0.0019, 1),
                new Regression.Point("B", 0.0397, 3)));
        String text = parse(ScatterChart.scatter(r)).getDocumentElement().getTextContent();
        assertFalse(text.contains("e-0"), text);
    }

    @Test
    void axesEndAndTickAtRoundNumbers() {
        NiceAxis fractions = NiceAxis.of(0.00173, 0.0246, 5);
        assertEquals(List.of("0.00", "0.01", "0.02", "0.03"),
                fractions.ticks().stream().map(fractions::label).toList());
        NiceAxis accuracy = NiceAxis.of(58.0, 79.7, 5);
        assertEquals(List.of("50", "60", "70", "80"),
                accuracy.ticks().stream().map(accuracy::label).toList());
        NiceAxis improvement = NiceAxis.of(-3.2, 7.9, 5);
        assertEquals(List.of("-5", "0", "5", "10"), improvement.ticks().stream().map(improvement::label).toList());
        assertEquals(-5, improvement.min(), 1e-12);
    }

    @Test
    void improvementGetsAZeroLineAndRatioAxesStayWithin100() throws Exception {
        Regression r = Regression.fit("source minority/majority class ratio (%)", "improvement (points)",
                List.of(new Regression.Point("A", 60, -2), new Regression.Point("B", 99.5, 4),
                        new Regression.Point("C", 80, 1)));
        Document svg = parse(ScatterChart.scatter(r));
        assertEquals(1, countClass(svg, "zero"));
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("100"), text);
        assertFalse(text.contains("105") || text.contains("110"), text);
        Regression positive = Regression.fit("x", "y", List.of(new Regression.Point("A", 1, 2),
                new Regression.Point("B", 2, 3)));
        assertEquals(0, countClass(parse(ScatterChart.scatter(positive)), "zero"));
    }

    /** Found in the paper's Figure 2b: data -5..10.75 gave an axis -10..15 whose ticks (by 10) ran to 20. */
    @Test
    void everyTickIsInsideTheFrame() throws Exception {
        Regression r = Regression.fit("x", "y", List.of(new Regression.Point("A", 0.17, -4.87),
                new Regression.Point("B", 0.18, 10.75), new Regression.Point("C", 0.21, 3.0)));
        var texts = parse(ScatterChart.scatter(r)).getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            double y = Double.parseDouble(((org.w3c.dom.Element) texts.item(i)).getAttribute("y"));
            assertTrue(y >= 10, texts.item(i).getTextContent() + " at y = " + y + ", above the frame");
        }
    }

    @Test
    void scatterWithoutPointsSaysSo() throws Exception {
        Document svg = parse(ScatterChart.scatter(Regression.fit("x", "y", List.of())));
        assertTrue(svg.getDocumentElement().getTextContent().contains("no combinations"));
    }

    @Test
    void boxPlotHasABoxPerScheme() throws Exception {
        Document svg = parse(BoxPlotChart.boxPlot(SyntheticResults.build(true).table2()));
        assertEquals(2, svg.getElementsByTagName("rect").getLength());
        assertTrue(svg.getDocumentElement().getTextContent().contains("the paper's mean: 69.1%"));
    }

    @Test
    void dendrogramMarksBothLevelsAndDrawsBothCuts() throws Exception {
        Document svg = parse(DendrogramChart.dendrogramTop(SyntheticResults.parasitized()));
        assertEquals(5, svg.getElementsByTagName("path").getLength() - 1, "one path per merge besides the axes");
        assertEquals(6, countClass(svg, "node"), "2 level-1 and 4 level-2 nodes");
        assertEquals(2, countClass(svg, "cut"));
        assertTrue(svg.getDocumentElement().getTextContent().contains("P<4> (1)"));
    }

    /** Node labels and cut labels do not overlap (their boxes estimated as the chart places them). */
    @Test
    void dendrogramLabelsKeepClearOfEachOther() throws Exception {
        Document svg = parse(DendrogramChart.dendrogramTop(SyntheticResults.parasitized()));
        var texts = svg.getElementsByTagName("text");
        List<double[]> boxes = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            org.w3c.dom.Element t = (org.w3c.dom.Element) texts.item(i);
            String s = t.getTextContent();
            if (!s.contains("(") && !s.endsWith("cut")) {
                continue; // axis ticks and titles
            }
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            double w = 6.2 * s.length();
            double left = "end".equals(t.getAttribute("text-anchor")) ? x - w : x;
            boxes.add(new double[] {left, y - 10, left + w, y + 2});
        }
        assertEquals(8, boxes.size(), "6 node labels and 2 cut labels");
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                assertFalse(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], "labels " + i + " and " + j);
            }
        }
    }

    @Test
    void scatterShowsThePapersPointsHollowWithTheirOwnLine() throws Exception {
        Regression ours = Regression.fit("ratio (%)", "y", List.of(new Regression.Point("A", 60, 1),
                new Regression.Point("B", 70, 3)));
        Regression paper = Regression.fit("ratio (%)", "y", List.of(new Regression.Point("U1+P1", 20, -1),
                new Regression.Point("U2+P2", 90, 8), new Regression.Point("U3+P3", 50, 2)));
        Document svg = parse(ScatterChart.scatter(ours, paper));
        assertEquals(3, countClass(svg, "paper"));
        assertEquals(2, countClass(svg, "ours"));
        assertEquals(1, countClass(svg, "fit paper-fit"));
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("ours: slope = 0.200") && text.contains("the paper's: slope = "), text);
        assertTrue(text.contains("U2+P2 (90.0, 8.00)"), "the paper's point with its tooltip");
    }

    @Test
    void boxPlotDrawsThePapersSd() throws Exception {
        Document svg = parse(BoxPlotChart.boxPlot(SyntheticResults.build(true).table2()));
        assertEquals(2, countClass(svg, "paper-sd"));
        assertTrue(svg.getDocumentElement().getTextContent().contains("the paper's SD: 4.00 points"));
    }

    @Test
    void learningCurvesDrawEveryRunAndTheMeanOfEachScheme() throws Exception {
        Document svg = parse(LearningCurveChart.learningCurves(SyntheticResults.build(true).table2()));
        var lines = svg.getElementsByTagName("polyline");
        assertEquals(2 * 3 + 2, lines.getLength(), "3 runs and a mean for each of 2 schemes");
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("Scheme 4: mean of 3 runs") && text.contains("epoch"), text);
    }

    private static int countClass(Document svg, String cls) {
        int n = 0;
        for (String tag : List.of("g", "line", "circle")) {
            var nodes = svg.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                if (cls.equals(((org.w3c.dom.Element) nodes.item(i)).getAttribute("class"))) {
                    n++;
                }
            }
        }
        return n;
    }
}
