package org.tlrepro.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.tlrepro.core.exec.Job;
import org.tlrepro.core.exec.TaskExecutor;

/** Shared by the executors' tests (here and in tl-spark): stand-in units and results, and one real training. */
final class ExecutorFixtures {

    private static final Comparator<RunResult> ORDER = Comparator.comparing(RunResult::experiment)
            .thenComparingInt(RunResult::scheme).thenComparingInt(RunResult::run);

    private ExecutorFixtures() {
    }

    /** A stand-in for training in the executors' tests: units and their messages as {@link TrainingWork}'s. */
    interface StandIn extends Job<TrainingUnit, RunResult> {
        @Override
        default String tasks() {
            return "training units";
        }

        @Override
        default String describe(TrainingUnit unit) {
            return unit.describe();
        }

        @Override
        default String kept() {
            return "the others are in the ledger";
        }
    }

    /** Runs 1..n of a tiny Table 2 experiment reporting {@code schemes}. */
    static List<TrainingUnit> units(int n, List<Integer> schemes) {
        Experiment e = new Experiment("table2", new int[] {0, 1}, new int[] {2, 3}, schemes, n, "key");
        return IntStream.rangeClosed(1, n).mapToObj(r -> new TrainingUnit(e, r, r)).toList();
    }

    /** A stand-in result of {@code scheme} of {@code u}. */
    static RunResult result(TrainingUnit u, int scheme, String backend) {
        return new RunResult(u.experiment().name(), scheme, u.run(), u.seed(), 2, 2, 0.5, 0.75, List.of(0.6), 1, 1,
                backend, "test", u.fingerprint(scheme), List.of(List.of(1, 0), List.of(0, 1)), 0.5);
    }

    /** Writes TrainStageTest's synthetic inputs under {@code root} and trains them on {@code executor}. */
    static TrainStage.Result train(Path root, TaskExecutor executor) throws IOException {
        TrainStageTest.writeInputs(root, 0);
        return new TrainStage().run(TrainStageTest.request(root, TrainStageTest.PROTOCOL, false), executor);
    }

    /** Runs in a fixed order (experiment, scheme, run), to compare two trainings record by record. */
    static List<RunResult> sorted(List<RunResult> runs) {
        return runs.stream().sorted(ORDER).toList();
    }
}
