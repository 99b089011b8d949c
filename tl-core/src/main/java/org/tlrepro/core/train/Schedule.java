package org.tlrepro.core.train;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tlrepro.core.io.Sha256;

/** The order in which runs are trained, and each run's seed. */
final class Schedule {

    private Schedule() {
    }

    /**
     * Every run of every experiment, in training order: table by table (Table 2 before Table 3), and within a table
     * run by run across its experiments, so that a build stopped early leaves every combination with as many runs
     * as the others, or one fewer.
     */
    static List<TrainingUnit> of(List<Experiment> experiments, long baseSeed) {
        List<TrainingUnit> units = new ArrayList<>();
        for (Experiment e : experiments) {
            for (int run = 1; run <= e.runs(); run++) {
                units.add(new TrainingUnit(e, run, seed(baseSeed, e.name(), run)));
            }
        }
        List<String> tables = experiments.stream().map(e -> table(e.name())).distinct().toList();
        // a stable sort: experiments keep their order within a run
        units.sort(Comparator.comparingInt((TrainingUnit u) -> tables.indexOf(table(u.experiment().name())))
                .thenComparingInt(TrainingUnit::run));
        return units;
    }

    private static String table(String experiment) {
        int slash = experiment.indexOf('/');
        return slash < 0 ? experiment : experiment.substring(0, slash);
    }

    /** A run's seed: derived from the base seed, the experiment and the run number; never 0. */
    static long seed(long base, String experiment, int run) {
        byte[] h = Sha256.newDigest().digest((base + "/" + experiment + "/" + run).getBytes(StandardCharsets.UTF_8));
        long s = ByteBuffer.wrap(h).getLong() & Long.MAX_VALUE;
        return s == 0 ? 1 : s;
    }
}
