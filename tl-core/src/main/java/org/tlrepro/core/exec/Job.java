package org.tlrepro.core.exec;

import java.io.Serializable;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What a {@link TaskExecutor} runs: tasks of one kind (training units, embedding batches) and how a JVM that runs
 * them builds its worker. Serializable, so that a cluster's executors can build theirs.
 *
 * @param <T> a task
 * @param <R> what a task gives back, possibly several per task (a unit's scheme results)
 */
public interface Job<T, R> extends Serializable {

    /** A task's work in the JVM that runs it. */
    @FunctionalInterface
    interface Worker<T, R> {
        /**
         * @param index the task's place among those of the call, from 1, for the log
         * @param out   takes each result as soon as it is there, so that a stopped build keeps it
         */
        void run(T task, int index, int total, Consumer<R> out);
    }

    /**
     * Builds a worker, loading what the tasks share once (the prepared images, the model).
     *
     * @param sharedFile where {@link #sharedFile()} is in this JVM: the file itself, or a cluster's copy of it
     * @param progress   told the images a training step has processed (ignored elsewhere than this JVM)
     */
    Worker<T, R> worker(String sharedFile, IntConsumer progress);

    /** A file every worker reads that a cluster must ship to its executors (the model), or {@code null}. */
    default String sharedFile() {
        return null;
    }

    /** Whether one worker may run tasks in several threads at once; if not, each thread builds its own. */
    default boolean threadSafe() {
        return true;
    }

    /** What the tasks are, plural, for messages: "training units", "embedding batches". */
    String tasks();

    /** A task in words, for messages. */
    String describe(T task);

    /** What a rerun keeps when some tasks failed, e.g. "the others are in the ledger; ...". */
    String kept();

    /** A log line for a task's results come back from another JVM, or {@code null} for none. */
    default String returned(T task, int results) {
        return null;
    }

    /** The collector of this job's failed tasks in one call; {@code where} e.g. "" or " on Spark after retries". */
    default TaskFailures<T> failures(int total, String where) {
        return new TaskFailures<>(total, tasks(), where, kept(), this::describe);
    }
}
