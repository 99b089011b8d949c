package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;

@ExtendWith(OneNativeThread.class)
class TransferHeadTest {

    static final Protocol PROTOCOL = new Protocol(2, 4, 1e-3, 0.9, 1e-7, 0.7, 1, 1, 1);
    static INDArray[] source;
    static INDArray[] target;

    @BeforeAll
    static void data() {
        source = TrainerTest.toy(8, 50, 1);
        target = TrainerTest.toy(6, 50, 2);
    }

    /** A source network trained a little, so that its biases are not the initial zeros. */
    private static MultiLayerNetwork trainedSource() {
        MultiLayerNetwork net = PaperCnn.build(50, 2, PROTOCOL, 5);
        Trainer.fit(net, source[0], source[1], 1, 4, 6, n -> { });
        return net;
    }

    @Test
    void startsFromTheSourcesLastTwoLayers() {
        MultiLayerNetwork net = trainedSource();
        TransferHead head = TransferHead.from(net, PROTOCOL, 7);
        assertNotEquals(0.0, net.getLayer(5).getParam("b").norm1Number().doubleValue(), "source was trained");
        assertEquals(net.getLayer(5).params(), head.head().getLayer(0).params());
        assertEquals(net.getLayer(6).params(), head.head().getLayer(1).params());
        assertEquals(net.getLayer(5).numParams() + net.getLayer(6).numParams(), head.head().numParams());
    }

    @Test
    void featuresAreWhatTheDenseLayerSees() {
        MultiLayerNetwork net = trainedSource();
        TransferHead head = TransferHead.from(net, PROTOCOL, 7);
        INDArray features = head.features(target[0]);
        assertArrayEquals(new long[] {6, 6400}, features.shape());

        // independently: the activations feeding layer 5, through that layer's own input preprocessor
        List<INDArray> acts = net.feedForwardToLayer(PaperCnn.FIRST_RETRAINED_LAYER, target[0], false);
        InputPreProcessor flatten = net.getLayerWiseConfigurations().getInputPreProcess(PaperCnn.FIRST_RETRAINED_LAYER);
        INDArray expected = flatten.preProcess(acts.get(PaperCnn.FIRST_RETRAINED_LAYER), 6,
                LayerWorkspaceMgr.noWorkspaces());
        assertTrue(expected.equalsWithEps(features, 1e-5f));

        // so before any fitting, head on features = the whole source network on the images
        INDArray headOut = head.head().output(features, false);
        INDArray netOut = net.output(target[0], false);
        assertTrue(netOut.equalsWithEps(headOut, 1e-5), netOut + " vs " + headOut);
    }

    @Test
    void batchedFeaturesEqualOnePassOverAllImages() {
        MultiLayerNetwork net = trainedSource();
        // PROTOCOL's batch of 4 splits the 6 target images into 4 + 2
        INDArray batched = TransferHead.from(net, PROTOCOL, 7).features(target[0]);
        INDArray pooled = net.activateSelectedLayers(0, PaperCnn.FIRST_RETRAINED_LAYER - 1, target[0]);
        INDArray whole = pooled.reshape('c', 6, 6400);
        assertTrue(whole.equalsWithEps(batched, 1e-6), "max difference "
                + whole.sub(batched).amaxNumber());
        assertEquals(TrainerTest.toy(6, 50, 2)[0], target[0], "the images are left as they were");
    }

    @Test
    void fittingChangesTheHeadButNotTheFrozenSource() {
        MultiLayerNetwork net = trainedSource();
        INDArray before = net.params().dup();
        TransferHead head = TransferHead.from(net, PROTOCOL, 7);
        INDArray headBefore = head.head().params().dup();
        List<Double> losses = head.fit(target[0], target[1], PROTOCOL, 8, n -> { });
        assertEquals(PROTOCOL.epochs(), losses.size());
        assertEquals(before, net.params(), "the source network is untouched");
        assertNotEquals(headBefore, head.head().params(), "the head has learnt");
        Trainer.Evaluation eval = head.evaluate(target[0], target[1], 4);
        assertTrue(eval.accuracy() >= 0 && eval.accuracy() <= 1 && eval.loss() > 0, eval.toString());
    }

    @Test
    void trainsAsTheSourceNetworkWithFrozenConvolutionalLayersWould() {
        MultiLayerNetwork net = PaperCnn.build(50, 2, PROTOCOL, 5);
        MultiLayerNetwork frozen = new TransferLearning.Builder(net.clone())
                .setFeatureExtractor(PaperCnn.FIRST_RETRAINED_LAYER - 1).build();
        TransferHead head = TransferHead.from(net, PROTOCOL, 7);
        List<Double> viaHead = head.fit(target[0], target[1], PROTOCOL, 8, n -> { });
        List<Double> viaFrozen = Trainer.fit(frozen, target[0], target[1], PROTOCOL.epochs(), PROTOCOL.batchSize(), 8,
                n -> { });
        for (int i = 0; i < viaHead.size(); i++) {
            assertEquals(viaFrozen.get(i), viaHead.get(i), 1e-5, "epoch " + (i + 1));
        }
        assertTrue(frozen.getLayer(5).params().equalsWithEps(head.head().getLayer(0).params(), 1e-5));
        assertTrue(frozen.getLayer(6).params().equalsWithEps(head.head().getLayer(1).params(), 1e-5));
        assertEquals(net.getLayer(0).params(), frozen.getLayer(0).params(), "frozen layers stay as they were");
    }
}
