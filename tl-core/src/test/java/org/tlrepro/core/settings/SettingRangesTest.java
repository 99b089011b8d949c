package org.tlrepro.core.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;

class SettingRangesTest {

    @Test
    void thePapersSettingsAndTheSmokeOnesPass() {
        assertDoesNotThrow(() -> SettingRanges.check(Map.of("tl.epochs", "5", "tl.batchSize", "128", "tl.runs", "10",
                "tl.table3.runs", "0", "tl.imageSize", "50", "tl.trainFraction", "0.7", "tl.learningRate", "1e-4",
                "tl.inputSize", "64", "tl.modelName", "not a number, not checked")));
    }

    @Test
    void everyBadValueIsNamedWithItsRangeInOneError() {
        TlException e = assertThrows(TlException.class, () -> SettingRanges.check(Map.of("tl.epochs", "0",
                "tl.runs", "-1", "tl.imageSize", "8", "tl.trainFraction", "1.5", "tl.embedBatch", "0",
                "tl.jobs", "two")));
        String m = e.getMessage();
        assertTrue(m.contains("tl.epochs=0 is out of range: it must be an integer of at least 1"), m);
        assertTrue(m.contains("tl.runs=-1 is out of range"), m);
        assertTrue(m.contains("tl.imageSize=8 is out of range: it must be an integer from 12"), m);
        assertTrue(m.contains("tl.trainFraction=1.5 is out of range: it must be a number between 0 and 1"), m);
        assertTrue(m.contains("tl.embedBatch=0 is out of range"), m);
        assertTrue(m.contains("tl.jobs=two is not an integer"), m);
    }

    @Test
    void aLearningRateOfZeroIsKerasValidButANegativeOneIsNot() {
        assertDoesNotThrow(() -> SettingRanges.check(Map.of("tl.learningRate", "0")));
        TlException e = assertThrows(TlException.class, () -> SettingRanges.check(Map.of("tl.learningRate", "-1e-4")));
        assertTrue(e.getMessage().contains("tl.learningRate=-1e-4 is out of range: it must be a number of at least 0"),
                e.getMessage());
    }

    @Test
    void theSmallestNetworkInputIsAccepted() {
        assertDoesNotThrow(() -> SettingRanges.check(Map.of("tl.imageSize", "12")));
        TlException e = assertThrows(TlException.class, () -> SettingRanges.check(Map.of("tl.imageSize", "11")));
        assertFalse(e.getMessage().contains("tl.epochs"));
    }

    /** Issue 33: 20000 ended in a bare OutOfMemoryError, 100000 in an OpenCV error blamed on an image. */
    @Test
    void imageSizesHaveAnUpperBound() {
        assertDoesNotThrow(() -> SettingRanges.check(Map.of("tl.imageSize", "1024", "tl.inputSize", "1024")));
        TlException e = assertThrows(TlException.class, () -> SettingRanges.check(Map.of("tl.imageSize", "20000",
                "tl.inputSize", "100000")));
        assertTrue(e.getMessage().contains("tl.imageSize=20000 is out of range: it must be an integer from 12 "
                + "(the paper's CNN needs 12x12 inputs) to 1024"), e.getMessage());
        assertTrue(e.getMessage().contains("tl.inputSize=100000 is out of range"), e.getMessage());
    }

    /** Issue 33: a misspelt linkage or metric failed only at tl:cluster, after tl:prepare had written its output. */
    @Test
    void everyChoiceIsCheckedWithItsChoicesNamed() {
        assertDoesNotThrow(() -> SettingRanges.check(Map.of("tl.linkage", "Ward", "tl.metric", "cosine",
                "tl.preprocessing", "tf", "tl.architecture", "inception-v3", "tl.embedder", "dl4j",
                "tl.trainer", "onednn")));
        TlException e = assertThrows(TlException.class, () -> SettingRanges.check(Map.of("tl.linkage", "wards",
                "tl.metric", "manhattan", "tl.preprocessing", "torch", "tl.architecture", "vgg16",
                "tl.embedder", "gpu", "tl.trainer", "keras")));
        String m = e.getMessage();
        for (String named : new String[] {"tl.linkage is 'wards': use ward, average, complete or single",
                "tl.metric is 'manhattan': use euclidean or cosine", "tl.preprocessing is 'torch'",
                "tl.architecture is 'vgg16'", "tl.embedder is 'gpu'", "tl.trainer is 'keras'"}) {
            assertTrue(m.contains(named), named + " in " + m);
        }
        assertTrue(m.endsWith("nothing was computed"), m);
    }

    @Test
    void aConfigurationThatTrainsNothingIsRefusedAtTheStart() {
        TlException e = assertThrows(TlException.class, () -> SettingRanges.check(Map.of("tl.runs", "0",
                "tl.table3.runs", " 0")));
        assertTrue(e.getMessage().contains("tl.runs=0 and tl.table3.runs=0 train nothing"), e.getMessage());
        assertDoesNotThrow(() -> SettingRanges.check(Map.of("tl.runs", "0", "tl.table3.runs", "1")));
        assertDoesNotThrow(() -> SettingRanges.check(Map.of("tl.runs", "0")));
    }
}
