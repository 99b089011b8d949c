package org.tlrepro.core.exec;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Where a stage's tasks run, for training and the embedding alike: this JVM's threads ({@link LocalExecutor}) or a
 * cluster (the {@code tl-spark} module). The caller alone writes the results (the ledger, the embedding cache):
 * each comes back to {@code sink} on the caller's side as soon as it is there, so that a stopped build keeps what
 * was finished.
 */
public interface TaskExecutor {

    /** A few words for the log, e.g. "2 local jobs x 1 native thread". */
    String describe();

    /**
     * Runs every task of {@code job}. A task that fails (after the executor's retries) does not stop the others:
     * all the rest run first, then the failures are thrown as one {@link org.tlrepro.core.TlException} naming each.
     *
     * @param progress told the images a training step has processed, where the executor can (this JVM)
     * @param sink     takes each result with its task, one call at a time
     */
    <T, R> void execute(Job<T, R> job, List<T> tasks, IntConsumer progress, BiConsumer<T, R> sink);
}
