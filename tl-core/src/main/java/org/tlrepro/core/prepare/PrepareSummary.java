package org.tlrepro.core.prepare;

import java.util.List;

/** What {@code prepare.json} records about a prepared data set. */
public record PrepareSummary(String toolVersion, int imageSize, int images, List<ClassCount> classes,
                             String archive, String archiveOrigin, double seconds) {

    /** Images of one class; {@code label} is the class's position in sorted order. */
    public record ClassCount(String name, int label, int count) {
        @Override
        public String toString() {
            return name + " (label " + label + "): " + count;
        }
    }
}
