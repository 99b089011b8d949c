package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tlrepro.core.io.Sha256;

@ExtendWith(OneNativeThread.class)
class RunLedgerTest {

    @TempDir
    Path dir;

    static String fingerprint(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static RunResult result(String experiment, int scheme, int run, String fingerprint) {
        return new RunResult(experiment, scheme, run, 1234567L + run, 70, 30, 0.25, 0.9, List.of(0.7, 0.5), 1.5,
                140.0, "CPU", "0.1.0", fingerprint, List.of(List.of(18, 0), List.of(3, 9)), 0.6);
    }

    @Test
    void findsWhatItRecorded() {
        RunLedger ledger = new RunLedger(dir);
        RunResult r = result("table3/P1+U1", 4, 3, fingerprint("a"));
        ledger.record(r);
        assertEquals(r, ledger.find("table3/P1+U1", 4, 3, fingerprint("a")).orElseThrow());
        assertTrue(ledger.find("table3/P1+U1", 4, 3, fingerprint("b")).isEmpty(), "another fingerprint");
        assertTrue(ledger.find("table3/P1+U1", 1, 3, fingerprint("a")).isEmpty(), "another scheme");
        assertTrue(ledger.find("table3/P1+U1", 4, 2, fingerprint("a")).isEmpty(), "another run");
        assertTrue(ledger.find("table2", 4, 3, fingerprint("a")).isEmpty(), "another experiment");
    }

    @Test
    void aFingerprintThatSharesTheFileNamePrefixIsNotAMatch() {
        RunLedger ledger = new RunLedger(dir);
        String fp = fingerprint("a");
        ledger.record(result("table2", 1, 1, fp));
        String sameStart = fp.substring(0, 16) + "0".repeat(fp.length() - 16);
        assertTrue(ledger.find("table2", 1, 1, sameStart).isEmpty());
    }

    @Test
    void listsEveryRecord() {
        RunLedger ledger = new RunLedger(dir);
        assertEquals(List.of(), ledger.all(), "an empty ledger");
        RunResult a = result("table2", 1, 1, fingerprint("a"));
        RunResult b = result("table2", 2, 1, fingerprint("b"));
        RunResult c = result("table3/P2+U2", 4, 1, fingerprint("c"));
        ledger.record(a);
        ledger.record(b);
        ledger.record(c);
        ledger.record(a);
        List<RunResult> all = ledger.all();
        assertEquals(3, all.size());
        assertTrue(all.containsAll(List.of(a, b, c)));
    }

    @Test
    void leavesNoTemporaryFiles() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        ledger.record(result("table2", 1, 1, fingerprint("a")));
        ledger.recordModel("table2", 1, fingerprint("m"), PaperCnn.build(12, 2, Protocol.paper(), 1));
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")));
        }
    }

    @Test
    void keepsScheme2Models() {
        RunLedger ledger = new RunLedger(dir);
        MultiLayerNetwork net = PaperCnn.build(12, 2, Protocol.paper(), 3);
        net.fit(TrainerTest.toy(4, 12, 1)[0], TrainerTest.toy(4, 12, 1)[1]);
        ledger.recordModel("table3/P1+U1", 2, fingerprint("m"), net);
        MultiLayerNetwork back = ledger.findModel("table3/P1+U1", 2, fingerprint("m")).orElseThrow();
        assertEquals(net.params(), back.params());
        assertEquals(net.getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
        assertTrue(ledger.findModel("table3/P1+U1", 2, fingerprint("n")).isEmpty(), "another fingerprint");
        assertTrue(ledger.findModel("table3/P1+U1", 1, fingerprint("m")).isEmpty(), "another run");
        assertTrue(ledger.findModel("table2", 2, fingerprint("m")).isEmpty(), "another experiment");
    }

    @Test
    void treatsACorruptRecordAsMissing() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        ledger.record(result("table2", 3, 2, fingerprint("a")));
        ledger.record(result("table2", 4, 2, fingerprint("b")));
        Path file;
        try (Stream<Path> files = Files.walk(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("scheme3-run02")).findFirst().orElseThrow();
        }
        Files.writeString(file, "{\"experiment\": \"table2\", \"sch");
        assertTrue(ledger.find("table2", 3, 2, fingerprint("a")).isEmpty());
        assertEquals(List.of(result("table2", 4, 2, fingerprint("b"))), ledger.all());
    }

    @Test
    void treatsACorruptModelAsMissing() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        ledger.recordModel("table2", 1, fingerprint("m"), PaperCnn.build(12, 2, Protocol.paper(), 1));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".zip")).toList()) {
                Files.write(p, new byte[] {'P', 'K', 3, 4, 0});
            }
        }
        assertTrue(ledger.findModel("table2", 1, fingerprint("m")).isEmpty());
    }
}
