package org.tlrepro.core.prepare;

import java.util.List;
import java.util.Map;

/**
 * What {@code prepare.json} records about a prepared data set.
 *
 * @param outputs SHA-256 of each output file, checked before an up-to-date run is skipped
 */
public record PrepareSummary(String toolVersion, int imageSize, int images, List<ClassCount> classes,
                             String archive, String archiveOrigin, double seconds, Map<String, String> outputs) {

    /** Images of one class; {@code label} is the class's position in sorted order. */
    public record ClassCount(String name, int label, int count) {
        @Override
        public String toString() {
            return name + " (label " + label + "): " + count;
        }
    }
}
