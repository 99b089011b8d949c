package org.tlrepro.core.train.onednn;

/**
 * Keras 2.2.4's RMSprop on {@link PlainWeights}, with the state starting at zero as {@code K.zeros} makes it:
 * {@code v = rho v + (1 - rho) g^2; w -= lr g / (sqrt(v) + eps)}, in float and in the order of operations of
 * Deeplearning4j's {@code rms_prop_updater} (which {@link org.tlrepro.core.train.KerasRmsProp} runs), so that both
 * trainers take the same step from the same gradient.
 */
final class RmsPropStep {

    private final float learningRate;
    private final float rho;
    private final float epsilon;
    private final PlainWeights state;

    RmsPropStep(PlainWeights.Shape shape, double learningRate, double rho, double epsilon) {
        this.learningRate = (float) learningRate;
        this.rho = (float) rho;
        this.epsilon = (float) epsilon;
        this.state = PlainWeights.zeros(shape);
    }

    /** Updates {@code weights} in place with {@code gradients}. */
    void apply(PlainWeights weights, PlainWeights gradients) {
        float[][] w = weights.all();
        float[][] g = gradients.all();
        float[][] v = state.all();
        float keep = 1f - rho;
        for (int k = 0; k < w.length; k++) {
            float[] wk = w[k];
            float[] gk = g[k];
            float[] vk = v[k];
            for (int i = 0; i < wk.length; i++) {
                float gi = gk[i];
                float vi = vk[i] * rho + gi * gi * keep;
                vk[i] = vi;
                wk[i] -= gi * learningRate / ((float) Math.sqrt(vi) + epsilon);
            }
        }
    }
}
