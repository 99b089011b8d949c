package org.tlrepro.core.embed;

import java.util.Map;
import java.util.Optional;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Rebuilds a Keras-imported (channels-last) convolutional graph in DL4J's channels-first layout, with the same
 * parameters. DL4J 1.0.0-M2.1 copies every channels-last activation into channels-first before each convolution
 * and after it; on ResNet50 that costs more than half the time. Weights do not depend on the layout, so only
 * the layer configurations change. Layers this class does not know make it decline, keeping the original.
 */
final class ChannelsFirst {

    private ChannelsFirst() {
    }

    /** The channels-first copy of {@code graph}, or empty if it holds a layer whose layout this cannot change. */
    static Optional<ComputationGraph> convert(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            if (!convert(e.getValue())) {
                return Optional.empty();
            }
        }
        ComputationGraph converted = new ComputationGraph(conf);
        converted.init(graph.params().dup(), false);
        return Optional.of(converted);
    }

    private static boolean convert(GraphVertex vertex) {
        if (vertex instanceof ElementWiseVertex) {
            return true;
        }
        if (vertex instanceof MergeVertex merge) {
            // channels-last concatenation is on axis 3 (or -1); channels-first on axis 1
            if (merge.getMergeAxis() != 3 && merge.getMergeAxis() != -1) {
                return false;
            }
            merge.setMergeAxis(1);
            return true;
        }
        if (!(vertex instanceof LayerVertex lv) || lv.getPreProcessor() != null) {
            return false;
        }
        Layer layer = lv.getLayerConf().getLayer();
        if (layer instanceof ConvolutionLayer c && c.getClass() == ConvolutionLayer.class) {
            c.setCnn2dDataFormat(CNN2DFormat.NCHW);
        } else if (layer instanceof SubsamplingLayer s && s.getClass() == SubsamplingLayer.class) {
            s.setCnn2dDataFormat(CNN2DFormat.NCHW);
        } else if (layer instanceof BatchNormalization bn) {
            bn.setCnn2DFormat(CNN2DFormat.NCHW);
        } else if (layer instanceof ZeroPaddingLayer z) {
            z.setDataFormat(CNN2DFormat.NCHW);
        } else if (layer instanceof GlobalPoolingLayer g) {
            if (g.getPoolingDimensions() == null || !java.util.Arrays.equals(g.getPoolingDimensions(), new int[] {1, 2})) {
                return false;
            }
            g.setPoolingDimensions(new int[] {2, 3});
        } else {
            return layer instanceof ActivationLayer;
        }
        return true;
    }
}
