package org.tlrepro.core.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's Figures 2 and 3, recomputed from what it prints: its Table 3 (improvement, and the distance column
 * as printed, "1 - cosine distance") and its second-level node sizes (Section 4.4), from which each row's class
 * ratios follow (target: its two nodes; source: the rest of each class).
 *
 * @param distance    improvement against the printed distance column
 * @param sourceRatio improvement against the source's minority/majority ratio (%), or {@code null} where a row's
 *                    nodes are not in the node sizes
 * @param targetRatio the same for the target
 */
public record PaperFigures(Regression distance, Regression sourceRatio, Regression targetRatio) {

    /** The paper's figures, or {@code null} without its Table 3. */
    public static PaperFigures of(PaperValues paper) {
        if (paper == null || paper.table3() == null || paper.table3().isEmpty()) {
            return null;
        }
        List<Regression.Point> distance = new ArrayList<>();
        List<Regression.Point> source = new ArrayList<>();
        List<Regression.Point> target = new ArrayList<>();
        Map<String, Integer> sizes = paper.nodeSizes() == null ? Map.of() : paper.nodeSizes();
        int totalU = sizes.entrySet().stream().filter(e -> e.getKey().startsWith("U")).mapToInt(Map.Entry::getValue)
                .sum();
        int totalP = sizes.entrySet().stream().filter(e -> e.getKey().startsWith("P")).mapToInt(Map.Entry::getValue)
                .sum();
        boolean ratios = true;
        for (PaperValues.Table3Row row : paper.table3()) {
            String label = row.targetP() + "+" + row.targetU();
            distance.add(new Regression.Point(label, row.oneMinusCosineDistance(), row.improvement()));
            Integer u = sizes.get(row.targetU());
            Integer p = sizes.get(row.targetP());
            if (u == null || p == null) {
                ratios = false;
                continue;
            }
            target.add(new Regression.Point(label, ratio(u, p), row.improvement()));
            source.add(new Regression.Point(label, ratio(totalU - u, totalP - p), row.improvement()));
        }
        String y = "improvement (points)";
        return new PaperFigures(
                Regression.fit("1 - cosine distance, as the paper prints it", "improvement of Scheme 4 over "
                        + "Scheme 1 (points)", distance),
                ratios ? Regression.fit("source minority/majority class ratio (%)", y, source) : null,
                ratios ? Regression.fit("target minority/majority class ratio (%)", y, target) : null);
    }

    private static double ratio(int a, int b) {
        return 100.0 * Math.min(a, b) / Math.max(a, b);
    }
}
