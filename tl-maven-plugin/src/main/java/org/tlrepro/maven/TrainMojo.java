package org.tlrepro.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.tlrepro.core.train.Protocol;
import org.tlrepro.core.exec.TaskExecutors;
import org.tlrepro.core.train.TrainRequest;
import org.tlrepro.core.train.TrainStage;
import org.tlrepro.core.train.TrainerKind;

/**
 * Trains the paper's CNN in the four schemes of Table 2 and Schemes 1 and 4 on every Table 3 combination, recording
 * each run in <code>${tl.workDir}/runs</code>. Finished runs are reused; a killed build resumes. Like failsafe's
 * {@code integration-test}, it never fails because of accuracy: {@code tl:check} judges the results.
 * <p>Example: {@code mvn tl:train -Dtl.runs=3 -Dtl.table3.runs=0} trains 3 runs per scheme and leaves Table 3
 * out; raising {@code tl.runs} later keeps the runs already trained.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class TrainMojo extends AbstractExecutorMojo {

    /** Skips this goal. */
    @Parameter(property = "tl.train.skip", defaultValue = "false")
    private boolean trainSkip;

    /** Epochs per training (paper: 5). */
    @Parameter(property = "tl.epochs", defaultValue = "5")
    private int epochs;

    /** Mini-batch size (paper: 128). */
    @Parameter(property = "tl.batchSize", defaultValue = "128")
    private int batchSize;

    /** RMSprop learning rate (paper: 1e-4). */
    @Parameter(property = "tl.learningRate", defaultValue = "1e-4")
    private double learningRate;

    /** RMSprop decay (Keras: 0.9). */
    @Parameter(property = "tl.rho", defaultValue = "0.9")
    private double rho;

    /** RMSprop epsilon (Keras 2.2.4: 1e-7). */
    @Parameter(property = "tl.epsilon", defaultValue = "1e-7")
    private double epsilon;

    /** Share of the target subset used for training (paper: 0.7). */
    @Parameter(property = "tl.trainFraction", defaultValue = "0.7")
    private double trainFraction;

    /** Runs of each Table 2 scheme (paper: 10). */
    @Parameter(property = "tl.runs", defaultValue = "10")
    private int runs;

    /** Runs of Schemes 1 and 4 per Table 3 combination (the paper does not say how many); 0 leaves Table 3 out. */
    @Parameter(property = "tl.table3.runs", defaultValue = "10")
    private int table3Runs;

    /**
     * How many Table 3 combinations to train. With C classes there are 4^C (two classes: 16, three: 64); the
     * chosen ones are spread evenly over the source-target cosine distance, nearest and farthest included. Unset:
     * all.
     */
    @Parameter(property = "tl.table3.combinations")
    private Integer table3Combinations;

    /** Base seed of the runs; each run's own seed is derived from it and recorded. */
    @Parameter(property = "tl.trainSeed", defaultValue = "42")
    private long trainSeed;

    /**
     * What trains the CNN: {@code onednn} (oneDNN called directly, one memory layout end to end; about 3.5x
     * Deeplearning4j's speed on 2 cores) or {@code dl4j} (Deeplearning4j's layers, the reference the oneDNN trainer
     * is tested against). Part of every run's fingerprint.
     */
    @Parameter(property = "tl.trainer", defaultValue = "onednn")
    private String trainer;

    /** Runs trained at the same time, each on its share of the cores (measured on 2 cores with tl.trainer=onednn:
     *  2 jobs x 1 thread 1,365-1,549 images/s, 1 job x 2 threads 1,380-1,443). */
    @Parameter(property = "tl.jobs", defaultValue = "2")
    private int jobs;

    /**
     * Shares finished runs through <code>${tl.cache}/runs</code>, keyed by the run fingerprint, so that
     * {@code mvn clean} and other clones of the same code and data reuse them; false keeps to this build's
     * <code>${tl.workDir}/runs</code>.
     */
    @Parameter(property = "tl.runCache", defaultValue = "true")
    private boolean runCache;

    @Override
    protected boolean skipGoal() {
        return trainSkip;
    }

    @Override
    protected void run() {
        Protocol protocol = new Protocol(epochs, batchSize, learningRate, rho, epsilon, trainFraction, runs,
                table3Runs, trainSeed);
        new TrainStage().run(new TrainRequest(layout().prepare(), layout().cluster(),
                layout().runs(), protocol, table3Runs > 0, jobs, force,
                runCache ? cache.toPath().resolve("runs") : null, table3Combinations, TrainerKind.parse(trainer)),
                TaskExecutors.forTraining(executor, executorSettings(), jobs, getClass().getClassLoader()));
    }
}
