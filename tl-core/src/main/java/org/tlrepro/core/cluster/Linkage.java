package org.tlrepro.core.cluster;

import org.tlrepro.core.param.Choices;

/**
 * How the distance between two clusters follows from the distances of their members, as Lance-Williams updates.
 * All four are reducible, which the nearest-neighbour chain algorithm needs. Ward follows SciPy: it works on
 * Euclidean (not squared) distances and reports merge heights on that scale.
 */
public enum Linkage {
    WARD, AVERAGE, COMPLETE, SINGLE;

    /**
     * Distance from cluster {@code k} to the union of {@code i} and {@code j}.
     *
     * @param dki distance k-i
     * @param dkj distance k-j
     * @param dij distance i-j
     * @param ni  size of i
     * @param nj  size of j
     * @param nk  size of k
     */
    double update(double dki, double dkj, double dij, int ni, int nj, int nk) {
        return switch (this) {
            case SINGLE -> Math.min(dki, dkj);
            case COMPLETE -> Math.max(dki, dkj);
            case AVERAGE -> (ni * dki + nj * dkj) / (ni + nj);
            case WARD -> Math.sqrt(Math.max(0, ((ni + nk) * dki * dki + (nj + nk) * dkj * dkj - nk * dij * dij)
                    / (ni + nj + nk)));
        };
    }

    /** Parses a parameter value, case-insensitively, with an error that lists the choices. */
    public static Linkage parse(String value) {
        return Choices.parse(Linkage.class, value, "tl.linkage", "ward, average, complete or single");
    }
}
