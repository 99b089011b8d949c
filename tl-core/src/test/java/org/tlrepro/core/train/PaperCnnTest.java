package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.tlrepro.core.backend.NativeBackend;

class PaperCnnTest {

    @Test
    void hasExactlyThePapersParameterCount() {
        NativeBackend.initialize();
        MultiLayerNetwork net = PaperCnn.build(50, 2, Protocol.paper(), 1);
        assertEquals(PaperCnn.PAPER_PARAMETERS, net.numParams());
    }

    @Test
    void table1MatchesThePaper() {
        MultiLayerNetwork net = PaperCnn.build(50, 2, Protocol.paper(), 1);
        List<PaperCnn.LayerRow> rows = PaperCnn.table1(net, 50);
        assertEquals(List.of("(None, 48, 48, 32)", "(None, 46, 46, 32)", "(None, 23, 23, 32)", "(None, 21, 21, 64)",
                "(None, 10, 10, 64)", "(None, 6400)", "(None, 128)", "(None, 2)"),
                rows.stream().map(PaperCnn.LayerRow::outputShape).toList());
        assertEquals(List.of(896L, 9248L, 0L, 18496L, 0L, 0L, 819328L, 258L),
                rows.stream().map(PaperCnn.LayerRow::parameters).toList());
        assertEquals(2, rows.stream().filter(PaperCnn.LayerRow::updatable).count());
    }

    @Test
    void usesKerasDefaultsAndThePapersOptimizer() {
        MultiLayerNetwork net = PaperCnn.build(50, 2, Protocol.paper(), 1);
        for (int i : new int[] {0, 1, 3, 5, 6}) {
            BaseLayer layer = (BaseLayer) net.getLayer(i).conf().getLayer();
            assertTrue(layer.getWeightInitFn() instanceof WeightInitXavierUniform, "layer " + i);
            assertEquals(0, net.getLayer(i).getParam("b").sumNumber().doubleValue(), "zero biases, layer " + i);
            RmsProp rms = (RmsProp) layer.getIUpdater();
            assertEquals(1e-4, rms.getLearningRate());
            assertEquals(0.9, rms.getRmsDecay());
            assertEquals(1e-7, rms.getEpsilon());
        }
    }

    @Test
    void givesTwoProbabilitiesPerImage() {
        MultiLayerNetwork net = PaperCnn.build(50, 2, Protocol.paper(), 1);
        var out = net.output(Nd4j.rand(DataType.FLOAT, 4, 3, 50, 50));
        assertArrayEquals(new long[] {4, 2}, out.shape());
        assertEquals(4.0, out.sumNumber().doubleValue(), 1e-4);
    }

    @Test
    void theSameSeedGivesTheSameInitialWeights() {
        assertEquals(PaperCnn.build(50, 2, Protocol.paper(), 7).params(), PaperCnn.build(50, 2, Protocol.paper(), 7).params());
        assertTrue(!PaperCnn.build(50, 2, Protocol.paper(), 7).params().equals(PaperCnn.build(50, 2, Protocol.paper(), 8).params()));
    }
}
