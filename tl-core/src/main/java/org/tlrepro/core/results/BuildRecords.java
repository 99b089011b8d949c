package org.tlrepro.core.results;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.tlrepro.core.io.Json;
import org.tlrepro.core.prepare.PrepareSummary;
import org.tlrepro.core.stage.StageRecord;
import org.tlrepro.core.train.TrainSummary;

/**
 * What the stages recorded about how the results were made, read through their own output handles, from which the
 * report assembles its provenance without opening a stage's folder itself.
 *
 * @param stages    each finished stage's fingerprint and output hashes, by its folder's name (prepare, cluster)
 * @param prepared  {@code tl:prepare}'s summary, or {@code null}
 * @param training  {@code tl:train}'s summary of its last call, or {@code null}
 * @param trainedBy for published results, the provenance record of the build that trained them, or {@code null}
 */
public record BuildRecords(Map<String, StageRecord> stages, PrepareSummary prepared, TrainSummary training,
                           JsonNode trainedBy) {

    private static final String FIX = "run the build again with -Dtl.force=true";

    public BuildRecords {
        stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    /** Nothing recorded: results built in memory. */
    public static BuildRecords none() {
        return new BuildRecords(Map.of(), null, null, null);
    }

    /**
     * The records of this build's stages under {@code tl.workDir}; a stage that has not finished has none.
     *
     * @param training tl:train's summary as the results were loaded from it (read once), or {@code null}
     */
    public static BuildRecords of(WorkLayout layout, TrainSummary training) {
        Map<String, StageRecord> stages = new LinkedHashMap<>();
        layout.prepared().stageDirectory().record(FIX).ifPresent(r -> stages.put(layout.prepare().getFileName()
                .toString(), r));
        layout.clustering().stageDirectory().record(FIX).ifPresent(r -> stages.put(layout.cluster().getFileName()
                .toString(), r));
        return new BuildRecords(stages, layout.prepared().summaryIfAny().orElse(null), training, null);
    }

    /** The records a published folder carries: the provenance of the build that trained its runs, if copied in. */
    public static BuildRecords ofPublished(Path dir) {
        return new BuildRecords(Map.of(), null, null, Json.readIfPresent(dir.resolve(Baseline.PROVENANCE),
                JsonNode.class, "refresh the published results with -Dtl.baseline.update=true").orElse(null));
    }
}
