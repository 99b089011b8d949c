package org.tlrepro.core.train;

import java.util.Arrays;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.RmsPropUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * RMSprop as Keras 2.2.4 has it: the running mean of squared gradients starts at 0 ({@code K.zeros} in
 * keras/optimizers.py), and each step is {@code v = rho v + (1 - rho) g^2; w -= lr g / (sqrt(v) + eps)}.
 *
 * <p>DL4J 1.0.0-M2.1's {@link RmsProp} applies the same step (native op {@code rms_prop_updater}) but its
 * {@code RmsPropUpdater.setStateViewArray(..., initialize=true)} fills the state with epsilon, so that the first
 * steps of a weight whose gradients are below about 3e-4 are damped by {@code sqrt(1e-7)}. This subclass only
 * changes that initial state; a state restored from a saved model ({@code initialize=false}) is kept as it is.
 * It is a subclass so that DL4J's JSON configuration (type by class name) saves and restores it with the model.
 */
public class KerasRmsProp extends RmsProp {

    /** Part of every run's fingerprint: runs trained with DL4J's epsilon-filled start are not mixed with these. */
    public static final String FINGERPRINT = "rmsprop keras-2.2.4 (state from 0)";

    /** For DL4J's JSON configuration. */
    public KerasRmsProp() {
    }

    public KerasRmsProp(double learningRate, double rho, double epsilon) {
        super(learningRate, rho, epsilon);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        RmsPropUpdater u = new ZeroStartUpdater(this);
        long[] shape = Arrays.copyOf(viewArray.shape(), viewArray.rank());
        u.setStateViewArray(viewArray, shape, viewArray.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        RmsPropUpdater u = new ZeroStartUpdater(this);
        u.setState(state, initializeStateArrays);
        if (initializeStateArrays) {
            state.values().forEach(a -> a.assign(0));
        }
        return u;
    }

    @Override
    public KerasRmsProp clone() {
        KerasRmsProp c = new KerasRmsProp(getLearningRate(), getRmsDecay(), getEpsilon());
        c.setLearningRateSchedule(getLearningRateSchedule() == null ? null : getLearningRateSchedule().clone());
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerasRmsProp && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 1;
    }

    /** DL4J's updater with a state that starts at zero. */
    static final class ZeroStartUpdater extends RmsPropUpdater {

        ZeroStartUpdater(RmsProp config) {
            super(config);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder,
                                      boolean initialize) {
            super.setStateViewArray(viewArray, gradientShape, gradientOrder, initialize);
            if (initialize) {
                viewArray.assign(0);
            }
        }
    }
}
