package org.tlrepro.core.train;

import java.nio.file.Path;
import java.util.Optional;

import org.tlrepro.core.io.Json;

/**
 * tl:train's output beside its ledger: {@code train.json}, the setup and the runs of the last call, which tl:report,
 * tl:check and the provenance read (as {@code PreparedData} and {@code ClusterOutput} are the earlier stages').
 *
 * @param runsDir the ledger's folder ({@code tl.workDir}/runs)
 */
public record TrainOutput(Path runsDir) {

    /** The file's name; the ledger's run records live in the experiments' folders beside it. */
    public static final String SUMMARY = "train.json";

    public Path summary() {
        return runsDir.resolve(SUMMARY);
    }

    /**
     * @param fix what to do when there is none or it cannot be read, e.g. "run tl:train first"
     * @throws org.tlrepro.core.TlException naming the file and the fix
     */
    public TrainSummary readSummary(String fix) {
        return Json.read(summary(), TrainSummary.class, fix);
    }

    /** The summary if tl:train wrote one. */
    public Optional<TrainSummary> summaryIfAny(String fix) {
        return Json.readIfPresent(summary(), TrainSummary.class, fix);
    }

    void writeSummary(TrainSummary summary) {
        Json.write(summary(), summary);
    }
}
