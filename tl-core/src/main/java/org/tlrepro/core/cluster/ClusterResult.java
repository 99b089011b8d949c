package org.tlrepro.core.cluster;

import java.util.List;
import java.util.Map;

/**
 * What {@code cluster.json} holds: everything later stages and the report need about the subsets.
 * Subset membership itself is in {@code assignments.tsv} (row, class, filename, level-1 node, level-2 node).
 *
 * @param embedding   which network gave the vectors, and how long it took
 * @param clustering  linkage, metric and time
 * @param classes     each class's dendrogram cut
 * @param level1      the Table 2 split: target = smaller level-1 node of each class
 * @param combinations the Table 3 splits: target = one level-2 node per class
 * @param definitions what each measure is, in words
 */
public record ClusterResult(String toolVersion, EmbeddingInfo embedding, ClusteringInfo clustering,
                            List<ClassInfo> classes, SubsetPair level1, List<SubsetPair> combinations,
                            Map<String, String> definitions) {

    /**
     * @param network      the network used, e.g. "ResNet50 (ImageNet)"
     * @param paperNetwork the network the paper used
     * @param modelFile    the file that embedded (or, when every vector came from the cache, the one at hand)
     * @param modelSha256  its configured SHA-256, or {@code null}
     * @param modelMd5     its configured MD5 (Keras publishes these), or {@code null}
     * @param architecture {@code tl.architecture}: the network tl builds for a weights-only file
     * @param computed     vectors computed in this run (the rest came from the cache)
     */
    public record EmbeddingInfo(String network, String paperNetwork, String modelFile, String modelSha256,
                                String modelMd5, String architecture, int inputSize, String preprocessing, String featureLayer, int dimension,
                                int images, int computed, double seconds, String backend) {
    }

    public record ClusteringInfo(String linkage, String metric, double seconds) {
    }

    /**
     * @param top the last merges of the class's dendrogram (ids as in SciPy: below {@code images} a single image),
     *            enough to draw its top with the level-1 and level-2 cuts (Figure 1)
     */
    public record ClassInfo(String name, String prefix, int images, List<NodeInfo> level1, List<NodeInfo> level2,
                            List<Dendrogram.Merge> top, int firstTopId) {
    }

    /** A node without its member list. */
    public record NodeInfo(String id, String parent, int size, double height, int dendrogramId) {
        static NodeInfo of(Node n) {
            return new NodeInfo(n.id(), n.parent(), n.size(), n.height(), n.dendrogramId());
        }
    }
}
