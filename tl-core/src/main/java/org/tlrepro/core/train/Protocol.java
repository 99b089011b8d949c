package org.tlrepro.core.train;

import java.io.Serializable;

import org.tlrepro.core.TlException;

/**
 * The training protocol; the defaults are the paper's (Sections 3.4 and 4.3, Keras 2.2.4 RMSprop constants).
 *
 * @param epochs        passes over the training data (paper: 5)
 * @param batchSize     images per update (paper: 128)
 * @param learningRate  RMSprop learning rate (paper: 1e-4)
 * @param rho           RMSprop decay of the squared-gradient average (Keras: 0.9)
 * @param epsilon       RMSprop epsilon (Keras 2.2.4: 1e-7)
 * @param trainFraction share of the target subset used for training; the rest is the test part (paper: 0.7)
 * @param runs          runs of each Table 2 scheme (paper: 10)
 * @param table3Runs    runs of Schemes 1 and 4 per Table 3 combination (paper: 10)
 * @param seed          base seed; each run's seed is derived from it and recorded
 */
public record Protocol(int epochs, int batchSize, double learningRate, double rho, double epsilon,
                       double trainFraction, int runs, int table3Runs, long seed) implements Serializable {

    public static Protocol paper() {
        return new Protocol(5, 128, 1e-4, 0.9, 1e-7, 0.7, 10, 10, 42);
    }

    /**
     * What determines the result of any one run; not {@code runs} and {@code table3Runs}, which only say how many
     * runs there are, so that more runs (or leaving Table 3 out) keep the runs already trained.
     */
    public String runKey() {
        return "epochs " + epochs + ", batch " + batchSize + ", learning rate " + learningRate + ", rho " + rho
                + ", epsilon " + epsilon + ", train fraction " + trainFraction + ", seed " + seed;
    }

    public Protocol {
        if (epochs < 1) {
            throw new TlException("tl.epochs must be at least 1, not " + epochs);
        }
        if (batchSize < 1) {
            throw new TlException("tl.batchSize must be at least 1, not " + batchSize);
        }
        if (runs < 0 || table3Runs < 0) {
            throw new TlException("tl.runs and tl.table3.runs must be at least 0, not " + runs + " and " + table3Runs);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new TlException("tl.trainFraction must lie between 0 and 1 (both excluded), not " + trainFraction);
        }
        // Keras 2.2.4 documents RMSprop's lr as "float >= 0"; 0 learns nothing, a way to inject a regression
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new TlException("tl.learningRate must be a number of at least 0, not " + learningRate);
        }
    }
}
