package org.tlrepro.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;
import org.tlrepro.core.train.RunExecutor;
import org.tlrepro.core.train.RunResult;
import org.tlrepro.core.train.TrainingUnit;

/** What a Spark task runs: one unit, with the data loaded once per executor JVM and shared by its tasks. */
record UnitTask(RunExecutor.WorkFactory work, int nativeThreads, int index, int total) implements Serializable {

    // one loaded data set per executor JVM and work (in local mode the driver's JVM)
    private static final Map<RunExecutor.WorkFactory, RunExecutor.UnitWork> WORKERS = new ConcurrentHashMap<>();

    /** Drops this JVM's loaded data for {@code work}: in local mode the driver's JVM would otherwise keep it. */
    static void forget(RunExecutor.WorkFactory work) {
        WORKERS.remove(work);
    }

    List<RunResult> call(TrainingUnit unit) {
        NativeBackend.initialize();
        NativeThreads.set(nativeThreads);
        RunExecutor.UnitWork worker = WORKERS.computeIfAbsent(work, w -> w.create(images -> { }));
        List<RunResult> results = new ArrayList<>();
        worker.train(unit, index, total, results::add);
        return results;
    }
}
