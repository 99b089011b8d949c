package org.tlrepro.core.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.train.RunResult;

class SamplesTest {

    @Test
    void perRunValuesOfTable2AndPerCombinationValuesOfTable3() {
        List<RunResult> runs = List.of(
                ResultsBuilderTest.run("table2", 1, 2, 0.70), ResultsBuilderTest.run("table2", 1, 1, 0.60),
                ResultsBuilderTest.run("table2", 4, 1, 0.75), ResultsBuilderTest.run("table2", 4, 2, 0.70),
                ResultsBuilderTest.run("table2", 4, 3, 0.90),
                ResultsBuilderTest.run("table3/P1+U1", 1, 1, 0.50), ResultsBuilderTest.run("table3/P1+U1", 4, 1, 0.60),
                ResultsBuilderTest.run("table3/P1+U1", 1, 2, 0.50), ResultsBuilderTest.run("table3/P1+U1", 4, 2, 0.70),
                ResultsBuilderTest.run("table3/P2+U1", 1, 1, 0.50), ResultsBuilderTest.run("table3/P2+U1", 4, 1, 0.40));
        Map<String, double[]> s = Samples.of(runs);
        assertEquals(Samples.metrics(), List.copyOf(s.keySet()));
        assertArrayEquals(new double[] {60, 70}, s.get("table2.scheme1.mean"), 1e-9, "in run order");
        assertArrayEquals(new double[] {75, 70, 90}, s.get("table2.scheme4.mean"), 1e-9);
        assertArrayEquals(new double[0], s.get("table2.scheme2.mean"));
        assertArrayEquals(new double[] {15, 0}, s.get("table2.improvement"), 1e-9, "runs with both schemes only");
        assertArrayEquals(new double[] {15, -10}, s.get("table3.meanImprovement"), 1e-9);
    }
}
