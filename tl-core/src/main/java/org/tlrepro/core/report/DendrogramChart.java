package org.tlrepro.core.report;

import static org.tlrepro.core.report.SvgCanvas.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tlrepro.core.cluster.ClusterResult;
import org.tlrepro.core.cluster.Dendrogram;

/** Figure 1 as inline SVG: the top of a class's dendrogram with its level-1 and level-2 nodes and cuts. */
public final class DendrogramChart {

    private DendrogramChart() {
    }

    /**
     * Figure 1: the top of a class's dendrogram (its last merges; subtrees below them are drawn as leaves at height
     * 0), with the level-1 and level-2 nodes marked and the cuts that give them as dashed lines.
     */
    public static Markup dendrogramTop(ClusterResult.ClassInfo c) {
        StringBuilder svg = open("top of the dendrogram of " + c.name());
        List<Dendrogram.Merge> top = c.top();
        if (top.isEmpty()) {
            return close(svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "no merges")));
        }
        int first = c.firstTopId();
        int root = first + top.size() - 1;
        Map<Integer, Double> xOf = new HashMap<>();
        List<Integer> leaves = new ArrayList<>();
        order(root, first, top, leaves);
        double step = (WIDTH - LEFT - RIGHT) / (double) leaves.size();
        for (int i = 0; i < leaves.size(); i++) {
            xOf.put(leaves.get(i), LEFT + step * (i + 0.5));
        }
        Range y = new Range(0, top.get(top.size() - 1).height()).nice();
        axes(svg, null, y, "subtrees below the drawn merges, as leaves", "merge height");
        Labels labels = new Labels();
        for (int k = 0; k < top.size(); k++) {
            Dendrogram.Merge m = top.get(k);
            double xl = xOf.get(m.left());
            double xr = xOf.get(m.right());
            xOf.put(first + k, (xl + xr) / 2);
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"M%.1f %.1fV%.1fH%.1fV%.1f\" fill=\"none\" stroke=\"#555\"/>", xl,
                    py(y, height(m.left(), first, top)), py(y, m.height()), xr, py(y, height(m.right(), first, top))));
        }
        cut(svg, labels, y, c.level1(), top.get(top.size() - 1).height(), "level 1");
        cut(svg, labels, y, c.level2(),
                c.level1().stream().mapToDouble(ClusterResult.NodeInfo::height).min().orElse(0), "level 2");
        mark(svg, labels, y, c.level1(), first, top, xOf, "#2c7fb8");
        mark(svg, labels, y, c.level2(), first, top, xOf, "#e67e22");
        return close(svg.append(text(LEFT + 4, 16, "start",
                c.name() + String.format(Locale.ROOT, ": %,d images, last %d merges", c.images(), top.size()))));
    }

    /** Leaves of the drawn tree, left to right. */
    private static void order(int id, int first, List<Dendrogram.Merge> top, List<Integer> leaves) {
        if (id < first) {
            leaves.add(id);
            return;
        }
        Dendrogram.Merge m = top.get(id - first);
        order(m.left(), first, top, leaves);
        order(m.right(), first, top, leaves);
    }

    private static double height(int id, int first, List<Dendrogram.Merge> top) {
        return id < first ? 0 : top.get(id - first).height();
    }

    /** A dashed line between the nodes of a level and the merges above them, where one height separates them. */
    private static void cut(StringBuilder svg, Labels labels, Range y, List<ClusterResult.NodeInfo> nodes, double above,
                            String label) {
        double highest = nodes.stream().mapToDouble(ClusterResult.NodeInfo::height).max().orElse(Double.NaN);
        if (!(highest < above)) {
            return;
        }
        double h = (highest + above) / 2;
        svg.append(String.format(Locale.ROOT,
                "<line class=\"cut\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>",
                LEFT, py(y, h), WIDTH - RIGHT, py(y, h)));
        svg.append(labels.place(WIDTH - RIGHT, py(y, h) - 3, "end", label + " cut"));
    }

    private static void mark(StringBuilder svg, Labels labels, Range y, List<ClusterResult.NodeInfo> nodes, int first,
                             List<Dendrogram.Merge> top, Map<Integer, Double> xOf, String colour) {
        for (ClusterResult.NodeInfo n : nodes) {
            Double x = xOf.get(n.dendrogramId());
            if (x == null) {
                continue;
            }
            double cy = py(y, height(n.dendrogramId(), first, top));
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"node\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/><title>%s: %,d images</title></g>",
                    x, cy, colour, Escape.html(n.id()), n.size()));
            svg.append(labels.place(x + 5, cy - 5, "start", n.id() + String.format(Locale.ROOT, " (%,d)", n.size())));
        }
    }
}
