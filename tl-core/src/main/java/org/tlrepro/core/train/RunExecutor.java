package org.tlrepro.core.train;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Where training units run: {@link LocalRunExecutor}'s threads by default, or a distributed engine (the
 * {@code tl-spark} module). The caller alone writes the ledger: an executor hands every scheme result to the sink,
 * on the caller's side, as soon as it has it, so a stopped build keeps what was finished.
 */
public interface RunExecutor {

    /** Trains one unit's missing schemes, passing each result to {@code sink}; returns how many it trained. */
    @FunctionalInterface
    interface UnitWork {
        int train(TrainingUnit unit, int index, int total, Consumer<RunResult> sink);
    }

    /**
     * Builds the training in the JVM that runs it (loading the data once there); serializable, so that a distributed
     * executor can send it to its workers.
     */
    @FunctionalInterface
    interface WorkFactory extends Serializable {
        /** @param progress told the number of images each training step has processed (may be ignored remotely) */
        UnitWork create(IntConsumer progress);
    }

    /**
     * Runs every unit. A unit that fails (after the executor's retries) does not stop the others: all the rest are
     * trained first, then the failures are thrown as one {@link org.tlrepro.core.TlException} naming each unit.
     *
     * @return the number of scheme results trained
     */
    int execute(List<TrainingUnit> units, WorkFactory work, IntConsumer progress, Consumer<RunResult> sink);

    /** A few words for the log, e.g. "2 local jobs x 1 native thread". */
    String describe();
}
