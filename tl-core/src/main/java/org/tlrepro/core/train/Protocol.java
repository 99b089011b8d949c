package org.tlrepro.core.train;

import java.io.Serializable;

import org.tlrepro.core.param.NumericSettings;

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
        NumericSettings.require("tl.epochs", epochs);
        NumericSettings.require("tl.batchSize", batchSize);
        NumericSettings.require("tl.runs", runs);
        NumericSettings.require("tl.table3.runs", table3Runs);
        NumericSettings.require("tl.trainFraction", trainFraction);
        // Keras 2.2.4 documents RMSprop's lr as "float >= 0"; 0 learns nothing, a way to inject a regression
        NumericSettings.require("tl.learningRate", learningRate);
        NumericSettings.require("tl.rho", rho);
        NumericSettings.require("tl.epsilon", epsilon);
    }
}
