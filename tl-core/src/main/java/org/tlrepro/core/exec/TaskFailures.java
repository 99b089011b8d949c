package org.tlrepro.core.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;

/**
 * The tasks of one executor call (training units, embedding batches) that failed for good, collected while the
 * others finish and then thrown as one error (a single {@link TlException} keeps its own message). Every executor,
 * local or Spark, training or embedding, reports its failures through this one collector.
 *
 * @param <T> the task
 */
public final class TaskFailures<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFailures.class);

    private final int total;
    private final String tasks;
    private final String where;
    private final String kept;
    private final Function<T, String> describe;
    private final List<String> failures = new ArrayList<>();
    private Throwable first;

    /**
     * @param total    tasks in the call
     * @param tasks    what they are, plural, for the message, e.g. "training units"
     * @param where    how the executor ran them, e.g. "" or " on Spark after its retries"
     * @param kept     what a rerun keeps, e.g. "the others are in the ledger; a rerun trains only the missing ones"
     * @param describe a task in words
     */
    public TaskFailures(int total, String tasks, String where, String kept, Function<T, String> describe) {
        this.total = total;
        this.tasks = tasks;
        this.where = where;
        this.kept = kept;
        this.describe = describe;
    }

    public synchronized void add(T task, Throwable cause) {
        first = first == null ? cause : first;
        failures.add(describe.apply(task) + ": " + cause);
        LOG.error("{} failed{}: {}", describe.apply(task), where, cause.toString());
    }

    /** Throws if any task failed. */
    public synchronized void throwIfAny() {
        if (failures.isEmpty()) {
            return;
        }
        if (failures.size() == 1 && first instanceof TlException t) {
            throw t;
        }
        throw new TlException(failures.size() + " of " + total + " " + tasks + " failed" + where + " (" + kept
                + "): " + String.join("; ", failures), first);
    }
}
