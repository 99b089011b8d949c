package org.tlrepro.core.cluster;

import java.util.List;

/**
 * A source/target split: the level-1 split of Table 2, or one of the combinations of Table 3.
 *
 * @param id                       "level1", or the target nodes joined by "+", e.g. "P2+U2"
 * @param targetNodes              node ids forming the target subset
 * @param sourceNodes              node ids forming the source subset
 * @param centroidCosineSimilarity cos(angle) between the mean embedding of the source and that of the target
 * @param centroidCosineDistance   1 - centroidCosineSimilarity
 */
public record SubsetPair(String id, List<String> targetNodes, List<String> sourceNodes, SubsetStats target,
                         SubsetStats source, double centroidCosineSimilarity, double centroidCosineDistance) {
}
