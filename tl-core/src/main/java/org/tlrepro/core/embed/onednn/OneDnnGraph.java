package org.tlrepro.core.embed.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.Comparator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tlrepro.core.backend.NativePointers;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of an imported ImageNet network (a Deeplearning4j {@link ComputationGraph} as Keras import, or tl
 * for Keras's weights-only files, builds it) on oneDNN, for one batch size: every primitive and buffer is made
 * once, the activations stay in oneDNN's blocked layouts from the input to the pooled features. Each batch
 * normalisation is folded into the convolution before it (weights scaled by gamma / sqrt(var + eps), bias shifted),
 * each ReLU fused into the convolution or the residual addition before it, each zero padding folded into the padding
 * of the convolution or pooling after it; a concatenation is written by reorders into the channel ranges of its
 * output. The activations share buffers: once the graph is built, each activation gets a buffer that no activation
 * alive at the same time uses (a linear scan over the steps), so memory holds a few layers' outputs, not all of them.
 * Handles the vertex kinds of ResNet50 and Inception V3; {@link #unsupported} names the first vertex of another kind,
 * for which the caller keeps Deeplearning4j.
 */
public final class OneDnnGraph implements AutoCloseable {

    private static final memory.data_type F32 = memory.data_type.f32;

    /** An activation: its buffer, its logical dimensions (N, C, H, W) and zero padding still to be applied. */
    private record Tensor(memory mem, long[] dims, long[] pad) {
        Tensor(memory mem, long[] dims) {
            this(mem, dims, new long[4]);
        }
    }

    /** An activation's buffer to be: its size, the memories that use it, the first and last step that do. */
    private static final class Slot {
        final long bytes;
        final List<memory> users = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = -1;

        Slot(long bytes) {
            this.bytes = bytes;
        }
    }

    private final int batch;
    private final engine eng;
    private final stream strm;
    private final NativePointers owned = new NativePointers();
    private final List<Runnable> steps = new ArrayList<>();
    private final Map<memory, Slot> slots = new IdentityHashMap<>();
    private long activationBytes;
    private final memory input;
    private final memory output;
    private final int dimension;

    /**
     * @param graph the network, cut after its feature layer, channels-last (Keras import) or channels-first
     * @param batch images per forward pass
     * @param size  side of the square input
     */
    public OneDnnGraph(ComputationGraph graph, int batch, int size) {
        org.tlrepro.core.backend.OneDnnLibrary.load();
        this.batch = batch;
        eng = own(new engine(engine.kind.cpu, 0));
        strm = own(new stream(eng));
        ComputationGraphConfiguration conf = graph.getConfiguration();
        Map<String, List<String>> inputs = conf.getVertexInputs();
        Map<String, List<String>> consumers = new HashMap<>();
        inputs.forEach((v, ins) -> ins.forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(v)));

        Map<String, Tensor> produced = new HashMap<>();
        Set<String> absorbed = new HashSet<>();
        String in = conf.getNetworkInputs().get(0);
        input = mem(desc(new long[] {batch, 3, size, size}, memory.format_tag.nchw));
        produced.put(in, new Tensor(input, new long[] {batch, 3, size, size}));
        for (String v : conf.getTopologicalOrderStr()) {
            if (produced.containsKey(v) || absorbed.contains(v)) {
                continue;
            }
            GraphVertex vertex = conf.getVertices().get(v);
            List<String> ins = inputs.get(v);
            if (vertex instanceof ElementWiseVertex e) {
                String relu = single(consumers, v).filter(c -> isRelu(conf.getVertices().get(c))).orElse(null);
                Tensor t = add(produced.get(ins.get(0)), produced.get(ins.get(1)), relu != null);
                publish(produced, absorbed, t, v, relu);
                continue;
            }
            if (vertex instanceof MergeVertex) {
                publish(produced, absorbed, concat(ins.stream().map(produced::get).toList()), v, null);
                continue;
            }
            Layer layer = ((LayerVertex) vertex).getLayerConf().getLayer();
            Tensor src = produced.get(ins.get(0));
            if (layer instanceof ZeroPaddingLayer z) {
                int[] p = z.getPadding(); // top, bottom, left, right
                long[] pad = src.pad().clone();
                for (int i = 0; i < 4; i++) {
                    pad[i] += p[i];
                }
                produced.put(v, new Tensor(src.mem(), src.dims(), pad));
            } else if (layer instanceof ConvolutionLayer c) {
                String last = v;
                INDArray w = graph.getLayer(v).getParam("W");
                INDArray b = c.hasBias() ? graph.getLayer(v).getParam("b") : null;
                float[] kernel = w.dup('c').castTo(DataType.FLOAT).data().asFloat();
                float[] bias = b == null ? new float[(int) w.size(0)] : b.dup('c').castTo(DataType.FLOAT).data()
                        .asFloat();
                Optional<String> bn = single(consumers, last).filter(n -> layerOf(conf, n) instanceof BatchNormalization);
                if (bn.isPresent()) {
                    fold(graph, bn.get(), (BatchNormalization) layerOf(conf, bn.get()), kernel, bias);
                    absorbed.add(bn.get());
                    last = bn.get();
                }
                boolean relu = c.getActivationFn() instanceof ActivationReLU;
                String reluVertex = null;
                if (!relu) {
                    reluVertex = single(consumers, last).filter(n -> isRelu(conf.getVertices().get(n))).orElse(null);
                    relu = reluVertex != null;
                }
                Tensor t = convolution(src, c, kernel, bias, relu);
                produced.put(v, t);
                if (bn.isPresent()) {
                    produced.put(bn.get(), t);
                }
                publish(produced, absorbed, t, last, reluVertex);
            } else if (layer instanceof SubsamplingLayer s) {
                produced.put(v, pooling(src, s));
            } else if (layer instanceof GlobalPoolingLayer g) {
                produced.put(v, globalPooling(src, g));
            } else if (layer instanceof ActivationLayer) {
                produced.put(v, relu(src));
            } else {
                throw new IllegalArgumentException("vertex " + v + " (" + layer.getClass().getSimpleName()
                        + ") is not one oneDNN runs here");
            }
        }
        Tensor out = produced.get(conf.getNetworkOutputs().get(0));
        dimension = (int) out.dims()[1];
        output = mem(desc(new long[] {batch, dimension, 1, 1}, memory.format_tag.nchw));
        steps.add(reorderStep(out.mem(), output));
        assignBuffers();
    }

    /**
     * Gives every activation a buffer: in the order of their first use, each takes the smallest free buffer large
     * enough whose last user ran before it, or a new one.
     */
    private void assignBuffers() {
        record Buffer(long bytes, Pointer handle, int[] busyUntil) {
        }
        List<Buffer> buffers = new ArrayList<>();
        List<Slot> order = new ArrayList<>(new java.util.LinkedHashSet<>(slots.values()));
        order.sort(Comparator.comparingInt(s -> s.first));
        for (Slot s : order) {
            Buffer chosen = null;
            for (Buffer b : buffers) {
                if (b.busyUntil()[0] < s.first && b.bytes() >= s.bytes && (chosen == null || b.bytes() < chosen.bytes())) {
                    chosen = b;
                }
            }
            if (chosen == null) {
                memory raw = own(new memory(own(new memory.desc(new long[] {(s.bytes + 3) / 4}, F32,
                        memory.format_tag.x)), eng));
                chosen = new Buffer(s.bytes, raw.get_data_handle(), new int[1]);
                buffers.add(chosen);
                activationBytes += s.bytes;
            }
            chosen.busyUntil()[0] = Math.max(s.last, s.first);
            for (memory m : s.users) {
                m.set_data_handle(chosen.handle());
            }
        }
    }

    /** Bytes of the buffers the activations share. */
    public long activationBytes() {
        return activationBytes;
    }

    /** The first vertex this class cannot run, or empty if it can run the whole graph. */
    public static Optional<String> unsupported(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            GraphVertex v = e.getValue();
            if (v instanceof ElementWiseVertex ew) {
                if (ew.getOp() != ElementWiseVertex.Op.Add || conf.getVertexInputs().get(e.getKey()).size() != 2) {
                    return Optional.of(e.getKey() + " (ElementWiseVertex " + ew.getOp() + ")");
                }
                continue;
            }
            if (v instanceof MergeVertex) {
                continue;
            }
            if (!(v instanceof LayerVertex lv) || lv.getPreProcessor() != null) {
                return Optional.of(e.getKey() + " (" + v.getClass().getSimpleName() + ")");
            }
            Layer layer = lv.getLayerConf().getLayer();
            boolean ok = (layer instanceof ConvolutionLayer c && c.getClass() == ConvolutionLayer.class
                    && (c.getActivationFn() instanceof ActivationIdentity || c.getActivationFn() instanceof ActivationReLU)
                    && c.getDilation()[0] == 1 && c.getDilation()[1] == 1)
                    || layer instanceof BatchNormalization || layer instanceof ZeroPaddingLayer
                    || (layer instanceof SubsamplingLayer s && s.getClass() == SubsamplingLayer.class
                        && (s.getPoolingType() == PoolingType.MAX || s.getPoolingType() == PoolingType.AVG))
                    || (layer instanceof GlobalPoolingLayer g && g.getPoolingType() == PoolingType.AVG)
                    || (layer instanceof ActivationLayer a && a.getActivationFn() instanceof ActivationReLU);
            if (!ok) {
                return Optional.of(e.getKey() + " (" + layer.getClass().getSimpleName() + ")");
            }
        }
        return Optional.empty();
    }

    /** Values per image at the output. */
    public int dimension() {
        return dimension;
    }

    public int batch() {
        return batch;
    }

    /** The input buffer, [batch, 3, size, size] row-major (channels first): the caller fills it before {@link #run}. */
    public FloatPointer input() {
        long n = input.get_desc().get_size() / Float.BYTES;
        return new FloatPointer(input.get_data_handle()).capacity(n).limit(n);
    }

    /** The forward pass over {@link #input()}: one vector per image. */
    public float[][] run() {
        steps.forEach(Runnable::run);
        strm._wait();
        FloatPointer values = new FloatPointer(output.get_data_handle()).capacity((long) batch * dimension);
        float[][] out = new float[batch][dimension];
        for (int i = 0; i < batch; i++) {
            values.position((long) i * dimension).get(out[i]);
        }
        return out;
    }

    private void publish(Map<String, Tensor> produced, Set<String> absorbed, Tensor t, String v, String relu) {
        produced.put(v, t);
        if (relu != null) {
            absorbed.add(relu);
            produced.put(relu, t);
        }
    }

    private static Optional<String> single(Map<String, List<String>> consumers, String v) {
        List<String> c = consumers.getOrDefault(v, List.of());
        return c.size() == 1 ? Optional.of(c.get(0)) : Optional.empty();
    }

    private static Layer layerOf(ComputationGraphConfiguration conf, String v) {
        GraphVertex g = conf.getVertices().get(v);
        return g instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
    }

    private static boolean isRelu(GraphVertex v) {
        return v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof ActivationLayer a
                && a.getActivationFn() instanceof ActivationReLU;
    }

    /** Folds inference-mode batch normalisation into the kernel [out, in, kh, kw] and bias before it. */
    private static void fold(ComputationGraph graph, String bn, BatchNormalization conf, float[] kernel,
                             float[] bias) {
        org.deeplearning4j.nn.api.Layer layer = graph.getLayer(bn);
        double[] gamma = layer.getParam("gamma").castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] beta = layer.getParam("beta").castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] mean = layer.getParam("mean").castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] var = layer.getParam("var").castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int out = bias.length;
        int per = kernel.length / out;
        for (int o = 0; o < out; o++) {
            double s = gamma[o] / Math.sqrt(var[o] + conf.getEps());
            for (int i = 0; i < per; i++) {
                kernel[o * per + i] = (float) (kernel[o * per + i] * s);
            }
            bias[o] = (float) ((bias[o] - mean[o]) * s + beta[o]);
        }
    }

    private Tensor convolution(Tensor src, ConvolutionLayer c, float[] kernel, float[] bias, boolean relu) {
        long[] d = src.dims();
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        long[][] pad = padding(d, k, s, c.getPadding(), c.getConvolutionMode(), src.pad());
        long out = bias.length;
        long oh = (d[2] + pad[0][0] + pad[1][0] - k[0]) / s[0] + 1;
        long ow = (d[3] + pad[0][1] + pad[1][1] - k[1]) / s[1] + 1;
        long[] dst = {batch, out, oh, ow};
        long[] wdims = {out, d[1], k[0], k[1]};
        primitive_attr attr = own(new primitive_attr());
        if (relu) {
            post_ops ops = own(new post_ops());
            ops.append_eltwise(1f, dnnl.algorithm.eltwise_relu, 0f, 0f);
            attr.set_post_ops(ops);
        }
        convolution_forward.primitive_desc pd = own(new convolution_forward.primitive_desc(own(
                new convolution_forward.desc(dnnl.prop_kind.forward_inference, dnnl.algorithm.convolution_direct,
                        any(d), any(wdims), desc(new long[] {out}, memory.format_tag.x), any(dst),
                        new long[] {s[0], s[1]}, pad[0], pad[1])), attr, eng));
        memory srcMem = as(src.mem(), pd.src_desc());
        memory weights = mem(pd.weights_desc());
        memory plainWeights = mem(desc(wdims, memory.format_tag.oihw));
        NativePointers.floats(plainWeights, kernel.length).put(kernel);
        // the weights are constant: reordered once, now
        own(new reorder(plainWeights, weights)).execute(strm, plainWeights, weights);
        memory b = mem(desc(new long[] {out}, memory.format_tag.x));
        NativePointers.floats(b, bias.length).put(bias);
        strm._wait();
        memory dstMem = act(pd.dst_desc());
        steps.add(exec(own(new convolution_forward(pd)), DNNL_ARG_SRC, srcMem, DNNL_ARG_WEIGHTS, weights,
                DNNL_ARG_BIAS, b, DNNL_ARG_DST, dstMem));
        return new Tensor(dstMem, dst);
    }

    private Tensor pooling(Tensor src, SubsamplingLayer p) {
        long[] d = src.dims();
        int[] k = p.getKernelSize();
        int[] s = p.getStride();
        long[][] pad = padding(d, k, s, p.getPadding(), p.getConvolutionMode(), src.pad());
        long oh = (d[2] + pad[0][0] + pad[1][0] - k[0]) / s[0] + 1;
        long ow = (d[3] + pad[0][1] + pad[1][1] - k[1]) / s[1] + 1;
        long[] dst = {batch, d[1], oh, ow};
        dnnl.algorithm alg = p.getPoolingType() == PoolingType.MAX ? dnnl.algorithm.pooling_max
                : p.isAvgPoolIncludePadInDivisor() ? dnnl.algorithm.pooling_avg_include_padding
                : dnnl.algorithm.pooling_avg_exclude_padding;
        // max pooling pads with minus infinity, zero padding with 0: equal after a ReLU, which both networks have
        pooling_forward.primitive_desc pd = own(new pooling_forward.primitive_desc(own(new pooling_forward.desc(
                dnnl.prop_kind.forward_inference, alg, src.mem().get_desc(), any(dst), new long[] {s[0], s[1]},
                new long[] {k[0], k[1]}, pad[0], pad[1])), eng));
        memory dstMem = act(pd.dst_desc());
        steps.add(exec(own(new pooling_forward(pd)), DNNL_ARG_SRC, src.mem(), DNNL_ARG_DST, dstMem));
        return new Tensor(dstMem, dst);
    }

    private Tensor globalPooling(Tensor src, GlobalPoolingLayer g) {
        long[] d = src.dims();
        long[] dst = {batch, d[1], 1, 1};
        pooling_forward.primitive_desc pd = own(new pooling_forward.primitive_desc(own(new pooling_forward.desc(
                dnnl.prop_kind.forward_inference, dnnl.algorithm.pooling_avg_exclude_padding, src.mem().get_desc(),
                any(dst), new long[] {1, 1}, new long[] {d[2], d[3]}, new long[] {0, 0}, new long[] {0, 0})), eng));
        memory dstMem = act(pd.dst_desc());
        steps.add(exec(own(new pooling_forward(pd)), DNNL_ARG_SRC, src.mem(), DNNL_ARG_DST, dstMem));
        return new Tensor(dstMem, dst);
    }

    private Tensor relu(Tensor src) {
        eltwise_forward.primitive_desc pd = own(new eltwise_forward.primitive_desc(own(new eltwise_forward.desc(
                dnnl.prop_kind.forward_inference, dnnl.algorithm.eltwise_relu, src.mem().get_desc(), 0f, 0f)), eng));
        memory dstMem = act(pd.dst_desc());
        steps.add(exec(own(new eltwise_forward(pd)), DNNL_ARG_SRC, src.mem(), DNNL_ARG_DST, dstMem));
        return new Tensor(dstMem, src.dims());
    }

    /** The residual addition, with the ReLU after it fused. */
    private Tensor add(Tensor a, Tensor b, boolean relu) {
        memory bMem = as(b.mem(), a.mem().get_desc());
        primitive_attr attr = own(new primitive_attr());
        if (relu) {
            post_ops ops = own(new post_ops());
            ops.append_eltwise(1f, dnnl.algorithm.eltwise_relu, 0f, 0f);
            attr.set_post_ops(ops);
        }
        binary.primitive_desc pd = own(new binary.primitive_desc(own(new binary.desc(dnnl.algorithm.binary_add,
                a.mem().get_desc(), a.mem().get_desc(), a.mem().get_desc())), attr, eng));
        memory dstMem = act(pd.dst_desc());
        steps.add(exec(own(new binary(pd)), DNNL_ARG_SRC_0, a.mem(), DNNL_ARG_SRC_1, bMem, DNNL_ARG_DST, dstMem));
        return new Tensor(dstMem, a.dims());
    }

    /** Concatenation along the channels: each input reordered into its channel range of the output. */
    private Tensor concat(List<Tensor> parts) {
        long channels = parts.stream().mapToLong(t -> t.dims()[1]).sum();
        long[] d = parts.get(0).dims();
        long[] dims = {batch, channels, d[2], d[3]};
        boolean blocked = parts.stream().allMatch(t -> t.dims()[1] % 16 == 0);
        memory out = act(desc(dims, blocked ? memory.format_tag.nChw16c : memory.format_tag.nchw));
        Slot slot = slots.get(out);
        long offset = 0;
        for (Tensor t : parts) {
            // a view of the output's channel range: its descriptor carries the offset, its buffer is the output's
            memory.desc sub = own(out.get_desc().submemory_desc(t.dims(), new long[] {0, offset, 0, 0}));
            memory view = own(new memory(sub, eng, (Pointer) null));
            slot.users.add(view);
            slots.put(view, slot);
            steps.add(reorderStep(t.mem(), view));
            offset += t.dims()[1];
        }
        return new Tensor(out, dims);
    }

    /**
     * Begin and end padding (rows, columns) of a convolution or pooling: Keras's "same" (the extra row or column at
     * the end), or the layer's own, plus any zero padding before it.
     */
    private static long[][] padding(long[] in, int[] k, int[] s, int[] layerPad, ConvolutionMode mode,
                                    long[] zeroPad) {
        long[] begin = new long[2];
        long[] end = new long[2];
        for (int a = 0; a < 2; a++) {
            long size = in[2 + a] + zeroPad[2 * a] + zeroPad[2 * a + 1];
            if (mode == ConvolutionMode.Same) {
                long outSize = (size + s[a] - 1) / s[a];
                long total = Math.max(0, (outSize - 1) * s[a] + k[a] - size);
                begin[a] = total / 2;
                end[a] = total - total / 2;
            } else {
                begin[a] = layerPad == null ? 0 : layerPad[a];
                end[a] = begin[a];
            }
            begin[a] += zeroPad[2 * a];
            end[a] += zeroPad[2 * a + 1];
        }
        return new long[][] {begin, end};
    }

    /** {@code m} in layout {@code want}: itself, or a copy reordered at every run. */
    private memory as(memory m, memory.desc want) {
        if (m.get_desc().equals(want)) {
            return m;
        }
        memory copy = act(want);
        steps.add(reorderStep(m, copy));
        return copy;
    }

    /** A reorder as the next step (it reads {@code from} and writes {@code to}). */
    private Runnable reorderStep(memory from, memory to) {
        reorder r = own(new reorder(from, to));
        use(from, steps.size());
        use(to, steps.size());
        return () -> r.execute(strm, from, to);
    }

    /** A primitive as the next step, with its arguments (key, memory, key, memory...). */
    private Runnable exec(primitive p, Object... args) {
        IntMemoryMap map = own(new IntMemoryMap());
        for (int i = 0; i < args.length; i += 2) {
            map.put((Integer) args[i], (memory) args[i + 1]);
            use((memory) args[i + 1], steps.size());
        }
        return () -> p.execute(strm, map);
    }

    private void use(memory m, int step) {
        Slot s = slots.get(m);
        if (s != null) {
            s.first = Math.min(s.first, step);
            s.last = Math.max(s.last, step);
        }
    }

    /** A buffer that lives as long as the graph: input, output, weights. */
    private memory mem(memory.desc d) {
        return own(new memory(d, eng));
    }

    /** An activation, whose buffer {@link #assignBuffers} chooses. */
    private memory act(memory.desc d) {
        memory m = own(new memory(d, eng, (Pointer) null));
        Slot s = new Slot(d.get_size());
        s.users.add(m);
        slots.put(m, s);
        return m;
    }

    private memory.desc desc(long[] dims, memory.format_tag tag) {
        return own(new memory.desc(dims, F32, tag));
    }

    private memory.desc any(long[] dims) {
        return desc(dims, memory.format_tag.any);
    }

    private <T extends Pointer> T own(T p) {
        return owned.add(p);
    }

    @Override
    public void close() {
        owned.close();
    }
}
