package org.tlrepro.core.train;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlrepro.core.TlException;

/**
 * The units of one {@link RunExecutor#execute} call that failed for good, collected while the others finish and then
 * thrown as one error (a single {@link TlException} keeps its own message).
 */
public final class UnitFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UnitFailures.class);

    private final int total;
    private final String where;
    private final List<String> failures = new ArrayList<>();
    private Throwable first;

    /**
     * @param total units in the call
     * @param where how the executor ran them, for the message, e.g. "" or " on Spark after its retries"
     */
    public UnitFailures(int total, String where) {
        this.total = total;
        this.where = where;
    }

    public void add(TrainingUnit unit, Throwable cause) {
        first = first == null ? cause : first;
        failures.add(unit.describe() + ": " + cause);
        LOG.error("{} failed{}: {}", unit.describe(), where, cause.toString());
    }

    /** Throws if any unit failed. */
    public void throwIfAny() {
        if (failures.isEmpty()) {
            return;
        }
        if (failures.size() == 1 && first instanceof TlException t) {
            throw t;
        }
        throw new TlException(failures.size() + " of " + total + " training units failed" + where + " (the others "
                + "are in the ledger; a rerun trains only the missing ones): " + String.join("; ", failures), first);
    }
}
