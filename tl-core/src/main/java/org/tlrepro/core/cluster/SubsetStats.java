package org.tlrepro.core.cluster;

import java.util.Map;

/**
 * Size and class balance of a subset.
 *
 * @param classCounts                images per class
 * @param minorityToMajorityPercent  100 x (images of the smallest class) / (images of the largest), as in Figure 3
 */
public record SubsetStats(int size, Map<String, Integer> classCounts, double minorityToMajorityPercent) {
}
