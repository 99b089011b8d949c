package org.tlrepro.core.train;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import org.tlrepro.core.io.Sha256;

/**
 * One run of one experiment, all its schemes: the unit of work an executor trains (Scheme 4 needs the same run's
 * Scheme 2 model, so a run's schemes stay together).
 */
public record TrainingUnit(Experiment experiment, int run, long seed) implements Serializable {

    String fingerprint(int scheme) {
        return Sha256.hex((experiment.key() + "|scheme " + scheme + "|run " + run + "|seed " + seed)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Training images to process: target part, source, both, and the transfer head's passes. */
    long work(Protocol p) {
        long t = Math.round(experiment.target().length * p.trainFraction());
        long s = experiment.source().length;
        long perEpoch = (experiment.schemes().contains(1) ? t : 0) + s
                + (experiment.schemes().contains(3) ? s + t : 0) + (experiment.schemes().contains(4) ? t : 0);
        return perEpoch * p.epochs();
    }

    /** E.g. "table3/P1+U2 run 3". */
    public String describe() {
        return experiment.name() + " run " + run;
    }
}
