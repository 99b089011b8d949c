package org.tlrepro.core.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tlrepro.core.TlException;
import org.tlrepro.core.prepare.PrepareRequest;
import org.tlrepro.core.train.Protocol;

/** One declaration per range: a request given a value says what the first goal's check says of the property. */
class NumericSettingsTest {

    private static String goalCheck(String property, String value) {
        List<String> problems = NumericSettings.problems(Map.of(property, value));
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void aRequestAndTheGoalsCheckAgreeOnTheImageSize() {
        TlException e = assertThrows(TlException.class, () -> new PrepareRequest(Path.of("m.tsv"), null, null, 1, 10,
                List.of(), null, null, Path.of("out"), false, 2));
        assertEquals(goalCheck("tl.imageSize", "10"), e.getMessage());
        assertEquals("tl.imageSize=10 is out of range: it must be an integer from 12 (the paper's CNN needs 12x12 "
                + "inputs) to 1024 (memory grows with its square; the paper: 50)", e.getMessage());
    }

    @Test
    void theProtocolAndTheGoalsCheckAgree() {
        assertEquals(goalCheck("tl.epochs", "0"), assertThrows(TlException.class,
                () -> new Protocol(0, 128, 1e-4, 0.9, 1e-7, 0.7, 10, 10, 42)).getMessage());
        assertEquals(goalCheck("tl.trainFraction", "1.0"), assertThrows(TlException.class,
                () -> new Protocol(5, 128, 1e-4, 0.9, 1e-7, 1.0, 10, 10, 42)).getMessage());
        assertEquals(goalCheck("tl.rho", "1.0"), assertThrows(TlException.class,
                () -> new Protocol(5, 128, 1e-4, 1.0, 1e-7, 0.7, 10, 10, 42)).getMessage());
        assertEquals("tl.learningRate=NaN is out of range: it must be a number of at least 0 (the paper: 0.0001)",
                assertThrows(TlException.class, () -> new Protocol(5, 128, Double.NaN, 0.9, 1e-7, 0.7, 10, 10, 42))
                        .getMessage());
    }

    @Test
    void everyWaitHasABound() {
        assertEquals("tl.lockWait=0 is out of range: it must be an integer from 1 to 525600 (minutes; a year)",
                goalCheck("tl.lockWait", "0"));
        assertEquals("tl.lockWait=99999999 is out of range: it must be an integer from 1 to 525600 (minutes; a year)",
                goalCheck("tl.lockWait", "99999999"));
    }

    @Test
    void anUndeclaredPropertyIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> NumericSettings.require("tl.nope", 1));
    }
}
