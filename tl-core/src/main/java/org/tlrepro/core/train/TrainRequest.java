package org.tlrepro.core.train;

import java.nio.file.Path;

/**
 * Everything {@link TrainStage} needs.
 *
 * @param preparedDir output of {@code tl:prepare}
 * @param clusterDir  output of {@code tl:cluster}
 * @param runsDir     the run ledger
 * @param protocol    training protocol
 * @param table3      whether to run the Table 3 combinations too
 * @param jobs        runs trained at the same time
 * @param force       recompute runs that are already in the ledger (or the run cache)
 * @param runCache    the {@link RunCache} folder shared by builds and clones ({@code <tl.cache>/runs}), or null
 * @param table3Limit how many Table 3 combinations to train ({@link CombinationChoice}), or null for all
 * @param trainer     what trains the CNN ({@code tl.trainer})
 */
public record TrainRequest(Path preparedDir, Path clusterDir, Path runsDir, Protocol protocol, boolean table3,
                           int jobs, boolean force, Path runCache, Integer table3Limit, TrainerKind trainer) {

    /** Every Table 3 combination, the trainer of {@link TrainerKind#fromSystemProperty()}. */
    public TrainRequest(Path preparedDir, Path clusterDir, Path runsDir, Protocol protocol, boolean table3, int jobs,
                        boolean force, Path runCache) {
        this(preparedDir, clusterDir, runsDir, protocol, table3, jobs, force, runCache, null,
                TrainerKind.fromSystemProperty());
    }

    /** Without a run cache: the build's ledger only. */
    public TrainRequest(Path preparedDir, Path clusterDir, Path runsDir, Protocol protocol, boolean table3, int jobs,
                        boolean force) {
        this(preparedDir, clusterDir, runsDir, protocol, table3, jobs, force, null, null,
                TrainerKind.fromSystemProperty());
    }
}
