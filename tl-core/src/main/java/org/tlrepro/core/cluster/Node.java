package org.tlrepro.core.cluster;

/**
 * A node of a class's dendrogram that becomes (part of) a subset.
 *
 * @param id           short name, e.g. "UA" (level 1) or "U3" (level 2)
 * @param className    the class the node's images belong to
 * @param level        1 or 2
 * @param parent       id of the level-1 node above a level-2 node; {@code null} on level 1
 * @param dendrogramId cluster id within the class's dendrogram
 * @param height       merge height of the node (0 for a single image)
 * @param members      rows of the prepared data set, ascending
 */
public record Node(String id, String className, int level, String parent, int dendrogramId, double height,
                   int[] members) {

    public int size() {
        return members.length;
    }
}
