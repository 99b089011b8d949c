package org.tlrepro.core.train.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.tlrepro.core.backend.NativePointers;
import org.tlrepro.core.backend.OneDnnLibrary;

/**
 * One training step of the paper's CNN (Table 1) on oneDNN, for one batch size: every primitive and buffer is made
 * once. The activations stay in the layouts oneDNN chooses for these shapes (blocked, e.g. {@code nChw16c}) from the
 * first convolution to the second pooling; only the pooled output is reordered to the plain (c, h, w) order that the
 * dense layers read, which is the order Deeplearning4j flattens in. Bias and ReLU are fused into each convolution;
 * the dense part runs on {@code dnnl_sgemm}, its bias, ReLU, softmax and cross-entropy in Java.
 *
 * <p>Backward: the ReLU that precedes a max-pooling is differentiated on the pooled gradient (a quarter of the
 * elements): only the maximum of each window receives a gradient, and the ReLU's derivative there is whether the
 * pooled value is positive, so the result is the same as differentiating at full size. Each backward primitive
 * writes into the buffer the next one reads. The first convolution needs no gradient for its input.
 *
 * <p>Weights and gradients cross the boundary in Deeplearning4j's layouts ({@link PlainWeights}): convolution
 * kernels [out, in, 3, 3], dense weights [in, out], row-major; the convolution kernels are reordered to and from
 * oneDNN's layouts at every step (29k values). Not thread-safe: one instance per training thread.
 */
final class OneDnnPaperCnn implements AutoCloseable {

    private static final memory.data_type F32 = memory.data_type.f32;

    private final int batch;
    private final int classes;
    private final PlainWeights.Shape shape;
    private final engine eng;
    private final stream strm;
    private final NativePointers owned = new NativePointers();

    // user-layout (plain) memories
    private final memory input;
    private final memory[] plainKernel = new memory[3];
    private final memory[] plainKernelGrad = new memory[3];
    private final memory[] bias = new memory[3];
    private final memory[] biasGrad = new memory[3];
    private final memory flat;
    private final memory flatGrad;

    // oneDNN-layout memories
    private final memory[] kernel = new memory[3];
    private final memory[] kernelGrad = new memory[3];
    private final memory a1;
    private final memory a2;
    private final memory p1;
    private final memory a3;
    private final memory p2;
    private final memory ws1;
    private final memory ws2;
    private final memory da1;
    private final memory da2;
    private final memory dp1;
    private final memory da3;
    private final memory dp2;

    private final List<Runnable> forward = new ArrayList<>();
    private final List<Runnable> backward = new ArrayList<>();
    private final Runnable[] kernelsIn = new Runnable[3];
    private final Runnable[] gradientsOut = new Runnable[3];

    // the dense part, in Java arrays handed to sgemm
    private final FloatPointer flatValues;
    private final FloatPointer flatGradValues;
    private final FloatPointer hidden;
    private final FloatPointer hiddenGrad;
    private final FloatPointer dense1;
    private final FloatPointer dense1Grad;
    private final float[] hiddenArray;
    private final float[] logits;
    private final float[] probabilities;
    private final float[] logitGrad;
    private final float[] hiddenGradArray;

    /**
     * @param imageSize side of the square input (the paper: 50)
     * @param classes   outputs of the last layer
     * @param batch     images per step
     */
    OneDnnPaperCnn(int imageSize, int classes, int batch) {
        OneDnnLibrary.load();
        this.batch = batch;
        this.classes = classes;
        this.shape = PlainWeights.Shape.of(imageSize, classes);
        eng = own(new engine(engine.kind.cpu, 0));
        strm = own(new stream(eng));
        int s1 = imageSize - 2;
        int s2 = s1 - 2;
        int q1 = s2 / 2;
        int s3 = q1 - 2;
        int q2 = s3 / 2;

        input = plain(new long[] {batch, 3, imageSize, imageSize}, memory.format_tag.nchw);
        long[] strides = {1, 1};
        long[] none = {0, 0};
        long[] window = {2, 2};

        // forward: conv1 + ReLU, conv2 + ReLU, max pool, conv3 + ReLU, max pool
        int[] in = {3, 32, 32};
        int[] out = {32, 32, 64};
        convolution_forward.primitive_desc[] conv = new convolution_forward.primitive_desc[3];
        long[][] convOut = {{batch, 32, s1, s1}, {batch, 32, s2, s2}, {batch, 64, s3, s3}};
        memory.desc[] convIn = new memory.desc[3];
        convIn[0] = input.get_desc();
        for (int i = 0; i < 3; i++) {
            plainKernel[i] = plain(new long[] {out[i], in[i], 3, 3}, memory.format_tag.oihw);
            plainKernelGrad[i] = plain(new long[] {out[i], in[i], 3, 3}, memory.format_tag.oihw);
            bias[i] = plain(new long[] {out[i]}, memory.format_tag.x);
            biasGrad[i] = plain(new long[] {out[i]}, memory.format_tag.x);
        }
        conv[0] = convForward(convIn[0], out[0], in[0], convOut[0], strides, none);
        a1 = mem(conv[0].dst_desc());
        convIn[1] = a1.get_desc();
        conv[1] = convForward(convIn[1], out[1], in[1], convOut[1], strides, none);
        a2 = mem(conv[1].dst_desc());
        pooling_forward.primitive_desc pool1 = own(new pooling_forward.primitive_desc(own(new pooling_forward.desc(
                dnnl.prop_kind.forward_training, dnnl.algorithm.pooling_max, a2.get_desc(),
                any(new long[] {batch, 32, q1, q1}), window, window, none, none)), eng));
        p1 = mem(pool1.dst_desc());
        ws1 = mem(pool1.workspace_desc());
        convIn[2] = p1.get_desc();
        conv[2] = convForward(convIn[2], out[2], in[2], convOut[2], strides, none);
        a3 = mem(conv[2].dst_desc());
        pooling_forward.primitive_desc pool2 = own(new pooling_forward.primitive_desc(own(new pooling_forward.desc(
                dnnl.prop_kind.forward_training, dnnl.algorithm.pooling_max, a3.get_desc(),
                any(new long[] {batch, 64, q2, q2}), window, window, none, none)), eng));
        p2 = mem(pool2.dst_desc());
        ws2 = mem(pool2.workspace_desc());
        flat = plain(new long[] {batch, 64, q2, q2}, memory.format_tag.nchw);
        flatGrad = plain(new long[] {batch, 64, q2, q2}, memory.format_tag.nchw);

        for (int i = 0; i < 3; i++) {
            kernel[i] = mem(conv[i].weights_desc());
            kernelsIn[i] = reorderStep(plainKernel[i], kernel[i]);
        }
        forward.add(exec(own(new convolution_forward(conv[0])), DNNL_ARG_SRC, input, DNNL_ARG_WEIGHTS, kernel[0],
                DNNL_ARG_BIAS, bias[0], DNNL_ARG_DST, a1));
        forward.add(exec(own(new convolution_forward(conv[1])), DNNL_ARG_SRC, a1, DNNL_ARG_WEIGHTS, kernel[1],
                DNNL_ARG_BIAS, bias[1], DNNL_ARG_DST, a2));
        forward.add(exec(own(new pooling_forward(pool1)), DNNL_ARG_SRC, a2, DNNL_ARG_DST, p1, DNNL_ARG_WORKSPACE,
                ws1));
        forward.add(exec(own(new convolution_forward(conv[2])), DNNL_ARG_SRC, p1, DNNL_ARG_WEIGHTS, kernel[2],
                DNNL_ARG_BIAS, bias[2], DNNL_ARG_DST, a3));
        forward.add(exec(own(new pooling_forward(pool2)), DNNL_ARG_SRC, a3, DNNL_ARG_DST, p2, DNNL_ARG_WORKSPACE,
                ws2));
        forward.add(reorderStep(p2, flat));

        // backward, from the flattened gradient down
        dp2 = mem(p2.get_desc());
        da3 = mem(a3.get_desc());
        dp1 = mem(p1.get_desc());
        da2 = mem(a2.get_desc());
        da1 = mem(a1.get_desc());
        backward.add(reorderStep(flatGrad, dp2));
        backward.add(reluBackward(p2, dp2));
        backward.add(exec(own(new pooling_backward(own(new pooling_backward.primitive_desc(own(
                new pooling_backward.desc(dnnl.algorithm.pooling_max, da3.get_desc(), dp2.get_desc(), window, window,
                        none, none)), eng, pool2)))), DNNL_ARG_DIFF_DST, dp2, DNNL_ARG_WORKSPACE, ws2, DNNL_ARG_DIFF_SRC,
                da3));
        backwardWeights(conv[2], 2, p1, da3, new long[] {out[2], in[2], 3, 3}, strides, none);
        backwardData(conv[2], 2, dp1, da3, new long[] {out[2], in[2], 3, 3}, strides, none);
        backward.add(reluBackward(p1, dp1));
        backward.add(exec(own(new pooling_backward(own(new pooling_backward.primitive_desc(own(
                new pooling_backward.desc(dnnl.algorithm.pooling_max, da2.get_desc(), dp1.get_desc(), window, window,
                        none, none)), eng, pool1)))), DNNL_ARG_DIFF_DST, dp1, DNNL_ARG_WORKSPACE, ws1, DNNL_ARG_DIFF_SRC,
                da2));
        backwardWeights(conv[1], 1, a1, da2, new long[] {out[1], in[1], 3, 3}, strides, none);
        backwardData(conv[1], 1, da1, da2, new long[] {out[1], in[1], 3, 3}, strides, none);
        backward.add(reluBackward(a1, da1));
        backwardWeights(conv[0], 0, input, da1, new long[] {out[0], in[0], 3, 3}, strides, none);

        int flatSize = 64 * q2 * q2;
        flatValues = NativePointers.floats(flat, (long) batch * flatSize);
        flatGradValues = NativePointers.floats(flatGrad, (long) batch * flatSize);
        hidden = own(new FloatPointer((long) batch * 128));
        hiddenGrad = own(new FloatPointer((long) batch * 128));
        dense1 = own(new FloatPointer((long) flatSize * 128));
        dense1Grad = own(new FloatPointer((long) flatSize * 128));
        hiddenArray = new float[batch * 128];
        logits = new float[batch * classes];
        probabilities = new float[batch * classes];
        logitGrad = new float[batch * classes];
        hiddenGradArray = new float[batch * 128];
    }

    int batch() {
        return batch;
    }

    /** The buffer of the input images, [batch, 3, size, size] row-major: the caller fills it before {@link #step}. */
    FloatPointer input() {
        return NativePointers.floats(input, (long) batch * 3 * shape.imageSize() * shape.imageSize());
    }

    /**
     * Forward and backward over the images in {@link #input()}: the gradients of the mean cross-entropy go into
     * {@code gradients}.
     *
     * @param labels the class of each image
     * @return the batch's mean cross-entropy, as Deeplearning4j's MCXENT score computes it
     */
    double step(PlainWeights weights, int[] labels, PlainWeights gradients) {
        load(weights);
        forward.forEach(Runnable::run);
        double loss = denseForwardBackward(weights, labels, gradients);
        backward.forEach(Runnable::run);
        strm._wait();
        store(gradients);
        return loss;
    }

    /** The forward pass only: class probabilities, [batch][classes]. */
    float[][] predict(PlainWeights weights) {
        load(weights);
        forward.forEach(Runnable::run);
        strm._wait();
        denseForward(weights);
        float[][] out = new float[batch][classes];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(probabilities, i * classes, out[i], 0, classes);
        }
        return out;
    }

    private void load(PlainWeights w) {
        for (int i = 0; i < 3; i++) {
            NativePointers.floats(plainKernel[i], w.convKernel(i).length).put(w.convKernel(i));
            NativePointers.floats(bias[i], w.convBias(i).length).put(w.convBias(i));
            kernelsIn[i].run();
        }
        dense1.put(w.dense1Kernel());
    }

    private void store(PlainWeights g) {
        for (int i = 0; i < 3; i++) {
            gradientsOut[i].run();
        }
        strm._wait();
        for (int i = 0; i < 3; i++) {
            NativePointers.floats(plainKernelGrad[i], g.convKernel(i).length).get(g.convKernel(i));
            NativePointers.floats(biasGrad[i], g.convBias(i).length).get(g.convBias(i));
        }
    }

    /** Dense 128 + ReLU, Dense + softmax: logits and probabilities of the batch from {@link #flat}. */
    private void denseForward(PlainWeights w) {
        int k = shape.flatSize();
        // hidden = flat . W1 (row-major: [batch, k] x [k, 128])
        sgemm('N', 'N', batch, 128, k, flatValues, k, dense1, 128, hidden, 128, 0f);
        hidden.get(hiddenArray);
        float[] b1 = w.dense1Bias();
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < 128; j++) {
                float v = hiddenArray[i * 128 + j] + b1[j];
                hiddenArray[i * 128 + j] = v > 0 ? v : 0;
            }
        }
        float[] w2 = w.dense2Kernel();
        float[] b2 = w.dense2Bias();
        for (int i = 0; i < batch; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                float z = b2[c];
                for (int j = 0; j < 128; j++) {
                    z += hiddenArray[i * 128 + j] * w2[j * classes + c];
                }
                logits[i * classes + c] = z;
                max = Math.max(max, z);
            }
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                float e = (float) Math.exp(logits[i * classes + c] - max);
                probabilities[i * classes + c] = e;
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                probabilities[i * classes + c] /= sum;
            }
        }
    }

    /** The dense layers forward and backward; leaves the flattened gradient in {@link #flatGrad}. */
    private double denseForwardBackward(PlainWeights w, int[] labels, PlainWeights g) {
        strm._wait();
        denseForward(w);
        int k = shape.flatSize();
        double loss = 0;
        // dZ2 = (p - y) / batch: the gradient of the mean loss
        float[] dz2 = logitGrad;
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                float p = probabilities[i * classes + c];
                float y = labels[i] == c ? 1f : 0f;
                dz2[i * classes + c] = (p - y) / batch;
                if (y != 0) {
                    loss -= Math.log(Math.max(p, 1e-10));
                }
            }
        }
        float[] w2 = w.dense2Kernel();
        float[] gw2 = g.dense2Kernel();
        float[] gb2 = g.dense2Bias();
        java.util.Arrays.fill(gw2, 0);
        java.util.Arrays.fill(gb2, 0);
        float[] dh = hiddenGradArray;
        java.util.Arrays.fill(dh, 0);
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < classes; c++) {
                float d = dz2[i * classes + c];
                gb2[c] += d;
                for (int j = 0; j < 128; j++) {
                    gw2[j * classes + c] += hiddenArray[i * 128 + j] * d;
                    dh[i * 128 + j] += d * w2[j * classes + c];
                }
            }
        }
        float[] gb1 = g.dense1Bias();
        java.util.Arrays.fill(gb1, 0);
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < 128; j++) {
                float d = hiddenArray[i * 128 + j] > 0 ? dh[i * 128 + j] : 0;
                dh[i * 128 + j] = d;
                gb1[j] += d;
            }
        }
        hiddenGrad.put(dh);
        // dW1 = flat^T . dh ([k, batch] x [batch, 128]); dflat = dh . W1^T ([batch, 128] x [128, k])
        sgemm('T', 'N', k, 128, batch, flatValues, k, hiddenGrad, 128, dense1Grad, 128, 0f);
        sgemm('N', 'T', batch, k, 128, hiddenGrad, 128, dense1, 128, flatGradValues, k, 0f);
        dense1Grad.get(g.dense1Kernel());
        return loss / batch;
    }

    private static void sgemm(char ta, char tb, long m, long n, long k, FloatPointer a, long lda, FloatPointer b,
                              long ldb, FloatPointer c, long ldc, float beta) {
        int status = dnnl.dnnl_sgemm((byte) ta, (byte) tb, m, n, k, 1f, a, lda, b, ldb, beta, c, ldc);
        if (status != 0) {
            throw new IllegalStateException("dnnl_sgemm failed with status " + status);
        }
    }

    private convolution_forward.primitive_desc convForward(memory.desc src, int outChannels, int inChannels,
                                                           long[] dst, long[] strides, long[] pad) {
        post_ops ops = own(new post_ops());
        ops.append_eltwise(1f, dnnl.algorithm.eltwise_relu, 0f, 0f);
        primitive_attr attr = own(new primitive_attr());
        attr.set_post_ops(ops);
        convolution_forward.desc d = own(new convolution_forward.desc(dnnl.prop_kind.forward_training,
                dnnl.algorithm.convolution_direct, src, any(new long[] {outChannels, inChannels, 3, 3}),
                own(new memory.desc(new long[] {outChannels}, F32, memory.format_tag.x)), any(dst), strides, pad,
                pad));
        return own(new convolution_forward.primitive_desc(d, attr, eng));
    }

    private void backwardWeights(convolution_forward.primitive_desc fwd, int i, memory src, memory diffDst,
                                 long[] kernelDims, long[] strides, long[] pad) {
        convolution_backward_weights.primitive_desc pd = own(new convolution_backward_weights.primitive_desc(
                own(new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct, src.get_desc(),
                        any(kernelDims), biasGrad[i].get_desc(), diffDst.get_desc(), strides, pad, pad)),
                eng, fwd));
        kernelGrad[i] = mem(pd.diff_weights_desc());
        backward.add(exec(own(new convolution_backward_weights(pd)), DNNL_ARG_SRC, src, DNNL_ARG_DIFF_DST, diffDst,
                DNNL_ARG_DIFF_WEIGHTS, kernelGrad[i], DNNL_ARG_DIFF_BIAS, biasGrad[i]));
        gradientsOut[i] = reorderStep(kernelGrad[i], plainKernelGrad[i]);
    }

    /**
     * The gradient of a convolution's input. Its kernel layout is oneDNN's choice for this direction (the forward
     * one would leave only the reference implementation, hundreds of times slower), so the kernel is reordered into
     * it too at every step.
     */
    private void backwardData(convolution_forward.primitive_desc fwd, int i, memory diffSrc, memory diffDst,
                              long[] kernelDims, long[] strides, long[] pad) {
        convolution_backward_data.primitive_desc pd = own(new convolution_backward_data.primitive_desc(
                own(new convolution_backward_data.desc(dnnl.algorithm.convolution_direct, diffSrc.get_desc(),
                        any(kernelDims), diffDst.get_desc(), strides, pad, pad)), eng, fwd));
        memory kernelForData = mem(pd.weights_desc());
        Runnable in = reorderStep(plainKernel[i], kernelForData);
        Runnable previous = kernelsIn[i];
        kernelsIn[i] = () -> {
            previous.run();
            in.run();
        };
        backward.add(exec(own(new convolution_backward_data(pd)), DNNL_ARG_DIFF_DST, diffDst, DNNL_ARG_WEIGHTS,
                kernelForData, DNNL_ARG_DIFF_SRC, diffSrc));
    }

    /** In place: {@code diff *= (data > 0)}, data being a ReLU's output. */
    private Runnable reluBackward(memory data, memory diff) {
        eltwise_forward.primitive_desc hint = own(new eltwise_forward.primitive_desc(own(new eltwise_forward.desc(
                dnnl.prop_kind.forward_training, dnnl.algorithm.eltwise_relu_use_dst_for_bwd, data.get_desc(), 0f,
                0f)), eng));
        eltwise_backward.primitive_desc pd = own(new eltwise_backward.primitive_desc(own(new eltwise_backward.desc(
                dnnl.algorithm.eltwise_relu_use_dst_for_bwd, diff.get_desc(), data.get_desc(), 0f, 0f)), eng,
                hint));
        return exec(own(new eltwise_backward(pd)), DNNL_ARG_DST, data, DNNL_ARG_DIFF_DST, diff, DNNL_ARG_DIFF_SRC,
                diff);
    }

    private Runnable reorderStep(memory from, memory to) {
        reorder r = own(new reorder(from, to));
        return () -> r.execute(strm, from, to);
    }

    private Runnable exec(primitive p, Object... args) {
        IntMemoryMap map = own(new IntMemoryMap());
        for (int i = 0; i < args.length; i += 2) {
            map.put((Integer) args[i], (memory) args[i + 1]);
        }
        return () -> p.execute(strm, map);
    }

    private memory plain(long[] dims, memory.format_tag tag) {
        return mem(own(new memory.desc(dims, F32, tag)));
    }

    private memory mem(memory.desc d) {
        return own(new memory(d, eng));
    }

    private memory.desc any(long[] dims) {
        return own(new memory.desc(dims, F32, memory.format_tag.any));
    }


    private <T extends Pointer> T own(T p) {
        return owned.add(p);
    }

    @Override
    public void close() {
        owned.close();
    }
}
