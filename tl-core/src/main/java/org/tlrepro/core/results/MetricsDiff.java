package org.tlrepro.core.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The metrics of a baseline beside this build's, like {@code dvc metrics diff}: every metric either side has. */
public final class MetricsDiff {

    /** One metric: baseline and now (NaN where a side lacks it), and now minus baseline. */
    public record Row(String metric, double baseline, double now) {

        public double change() {
            return now - baseline;
        }

        /** Whether the two sides differ (NaN on one side only counts as a difference). */
        public boolean changed() {
            return Double.isNaN(baseline) != Double.isNaN(now) || (!Double.isNaN(now) && now != baseline);
        }
    }

    private MetricsDiff() {
    }

    /** Rows in this build's metric order, then metrics only the baseline has; metrics neither side has are left out. */
    public static List<Row> of(Map<String, Double> baseline, Map<String, Double> now) {
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(baseline.keySet());
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            double b = baseline.getOrDefault(name, Double.NaN);
            double n = now.getOrDefault(name, Double.NaN);
            if (!Double.isNaN(b) || !Double.isNaN(n)) {
                rows.add(new Row(name, b, n));
            }
        }
        return rows;
    }
}
