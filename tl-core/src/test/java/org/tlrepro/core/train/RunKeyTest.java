package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunKeyTest {

    @TempDir
    Path dir;

    private static RunKey key(String... nameValue) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            parts.put(nameValue[i], nameValue[i + 1]);
        }
        return new RunKey(parts);
    }

    @Test
    void theTextIsThePartsInOrder() {
        assertEquals("tl 0.1|data abc|trainer onednn", key("tl", "0.1", "data", "abc", "trainer", "onednn").text());
    }

    @Test
    void namesThePartsThatChangedWereAddedOrWentAway() {
        RunKey before = key("tl", "0.1", "data", "abc", "code", "x", "old", "1");
        RunKey now = key("tl", "0.1", "data", "abd", "code", "y", "trainer", "dl4j");
        assertEquals(List.of("data", "code", "trainer", "old"), now.changedFrom(before));
        assertEquals(List.of(), now.changedFrom(now));
    }

    @Test
    void roundTripsThroughItsFile() {
        RunKey k = key("tl", "0.1", "protocol", "epochs 5, batch 128");
        k.write(dir);
        assertEquals(k, RunKey.last(dir).orElseThrow());
        assertEquals(k.text(), RunKey.last(dir).orElseThrow().text());
    }

    @Test
    void replaceInWritesOnlyAChangedKeyAndNamesWhatChanged() throws Exception {
        RunKey first = key("tl", "0.1", "protocol", "epochs 5");
        assertEquals(List.of(), first.replaceIn(dir), "no key before: nothing to compare");
        java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(dir.resolve(RunKey.FILE));
        Thread.sleep(20);
        assertEquals(List.of(), first.replaceIn(dir));
        assertEquals(written, java.nio.file.Files.getLastModifiedTime(dir.resolve(RunKey.FILE)), "not rewritten");
        assertEquals(List.of("protocol"), key("tl", "0.1", "protocol", "epochs 2").replaceIn(dir));
        assertEquals(key("tl", "0.1", "protocol", "epochs 2"), RunKey.last(dir).orElseThrow());
    }
}
