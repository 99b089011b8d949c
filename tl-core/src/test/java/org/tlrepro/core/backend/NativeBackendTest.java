package org.tlrepro.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class NativeBackendTest {

    @Test
    void oneDnnIsActiveByDefault() {
        BackendInfo info = NativeBackend.initialize();
        assertEquals("CPU", info.backend());
        assertTrue(info.oneDnn(), info.describe());
        assertEquals("linux-x86_64-onednn-avx2", info.classifier());
    }

    @Test
    void convolutionLayersGetTheOneDnnHelper() throws Exception {
        NativeBackend.initialize();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.output(Nd4j.rand(new int[] {2, 3, 8, 8}));
        var helperField = org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class.getDeclaredField("helper");
        helperField.setAccessible(true);
        Object helper = helperField.get(net.getLayer(0));
        assertNotNull(helper, "the convolution layer has no native helper");
        assertEquals(MKLDNNConvHelper.class, helper.getClass());
    }

    @Test
    void namesInstructionSetsLikeNd4j() {
        assertEquals("AVX512", NativeBackend.isaName(3));
        assertEquals("AVX2", NativeBackend.isaName(2));
        assertEquals("generic x86-64", NativeBackend.isaName(0));
    }
}
