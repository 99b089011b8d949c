package org.tlrepro.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.tlrepro.core.LogCapture;
import org.tlrepro.core.io.AtomicFiles;
import org.tlrepro.core.io.SealedJson;
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

    // ---- integrity (issue 33): every reused record is checked, every rejection is said ------------------------

    private Path onlyFile(String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void anEditedAccuracyIsRejectedNamedAndSetAside() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        RunResult r = result("table2", 3, 1, fingerprint("a"));
        ledger.record(r);
        Path file = onlyFile("scheme3-run01");
        String text = Files.readString(file);
        assertTrue(text.contains("\"testAccuracy\" : 0.9,"), text);
        Files.writeString(file, text.replace("\"testAccuracy\" : 0.9,", "\"testAccuracy\" : 0.99,"));

        try (LogCapture log = LogCapture.start()) {
            assertTrue(ledger.find("table2", 3, 1, fingerprint("a")).isEmpty());
            assertEquals(1, log.warnings().size(), log.text());
            String warning = log.warnings().get(0);
            assertTrue(warning.contains(file.toString()), warning);
            assertTrue(warning.contains("does not match its contentSha256"), warning);
            assertTrue(warning.contains("trained again"), warning);
        }
        assertFalse(Files.exists(file), "set aside");
        assertTrue(Files.isRegularFile(file.resolveSibling(file.getFileName() + ".rejected")));
        // the retrained run takes its place
        ledger.record(r);
        assertEquals(r, ledger.find("table2", 3, 1, fingerprint("a")).orElseThrow());
    }

    @Test
    void aRecordWhoseAccuracyIsNotItsConfusionMatrixIsRejected() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        ledger.record(result("table2", 1, 2, fingerprint("a")));
        Path file = onlyFile("scheme1-run02");
        // sealed anew, as a tool that knows the format would: the checksum holds, the content does not
        RunResult r = result("table2", 1, 2, fingerprint("a"));
        RunResult edited = new RunResult(r.experiment(), r.scheme(), r.run(), r.seed(), r.trainSize(), r.testSize(),
                r.testLoss(), 0.99, r.epochLosses(), r.seconds(), r.imagesPerSecond(), r.backend(), r.toolVersion(),
                r.fingerprint(), r.confusion(), r.majorityRate());
        SealedJson.write(file, edited);
        try (LogCapture log = LogCapture.start()) {
            assertTrue(ledger.find("table2", 1, 2, fingerprint("a")).isEmpty());
            assertTrue(log.text().contains("records an accuracy of 0.99 where its confusion matrix gives 27/30"),
                    log.text());
        }
        assertThrows(IllegalStateException.class, () -> ledger.record(edited), "never written");
    }

    @Test
    void aTruncatedRecordIsNamedInAWarning() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        ledger.record(result("table2", 2, 1, fingerprint("a")));
        Path file = onlyFile("scheme2-run01");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (LogCapture log = LogCapture.start()) {
            assertTrue(ledger.find("table2", 2, 1, fingerprint("a")).isEmpty());
            assertTrue(log.text().contains(file + " cannot be read"), log.text());
        }
    }

    @Test
    void aRecordWithoutChecksumIsNotReused() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        RunResult r = result("table2", 4, 1, fingerprint("a"));
        ledger.record(r);
        Path file = onlyFile("scheme4-run01");
        Files.write(file, org.tlrepro.core.io.Json.MAPPER.writeValueAsBytes(r));
        try (LogCapture log = LogCapture.start()) {
            assertTrue(ledger.find("table2", 4, 1, fingerprint("a")).isEmpty());
            assertTrue(log.text().contains("has no contentSha256"), log.text());
        }
    }

    @Test
    void anEditedRunCacheRecordIsNotUsedAndTheLedgerSaysSo() throws IOException {
        RunCache cache = new RunCache(dir.resolve("cache"));
        RunLedger ledger = new RunLedger(dir.resolve("ledger"), cache);
        RunResult r = result("table2", 1, 1, fingerprint("a"));
        ledger.record(r);
        Path cached = cache.file(r.fingerprint());
        Files.writeString(cached, Files.readString(cached).replace("\"testLoss\" : 0.25", "\"testLoss\" : 0.05"));
        AtomicFiles.deleteRecursively(dir.resolve("ledger"));

        try (LogCapture log = LogCapture.start()) {
            assertTrue(ledger.find("table2", 1, 1, r.fingerprint()).isEmpty());
            assertTrue(log.text().contains("The run record " + cached + " does not match its contentSha256"),
                    log.text());
            assertTrue(log.text().contains("the run cache's copy is not used"), log.text());
        }
        assertTrue(Files.isRegularFile(cached), "a shared cache is not changed by a reader");
        assertEquals(0, ledger.restored());
        // training the run again stores a sound copy for every build
        ledger.record(r);
        assertEquals(r, cache.find(r.fingerprint()).orElseThrow());
    }

    @Test
    void anEditedModelIsNamedAndTrainedAgain() throws IOException {
        RunLedger ledger = new RunLedger(dir);
        ledger.recordModel("table2", 1, fingerprint("m"), PaperCnn.build(12, 2, Protocol.paper(), 1));
        assertTrue(ledger.findModel("table2", 1, fingerprint("m")).isPresent());
        Path zip = onlyFile("scheme2-run01");
        Path model = zip.toString().endsWith(".zip") ? zip : zip.resolveSibling(
                zip.getFileName().toString().replace(".sha256", ""));
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);
        try (LogCapture log = LogCapture.start()) {
            assertTrue(ledger.findModel("table2", 1, fingerprint("m")).isEmpty());
            assertTrue(log.text().contains("The Scheme 2 model " + model + " does not match its checksum"),
                    log.text());
        }
    }
}
