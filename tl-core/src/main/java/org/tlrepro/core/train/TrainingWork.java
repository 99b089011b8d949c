package org.tlrepro.core.train;

import java.nio.file.Path;
import java.util.function.IntConsumer;

import org.tlrepro.core.TlException;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.exec.Job;
import org.tlrepro.core.io.Sha256;
import org.tlrepro.core.prepare.PreparedData;
import org.tlrepro.core.train.onednn.OneDnnTrainer;

/**
 * What a JVM needs to train units: the prepared data (by path, checked against its SHA-256 where it is loaded, so
 * that a worker reading a shared folder trains on exactly the driver's pixels), the ledger folder (Scheme 2's saved
 * models) and the protocol; each unit is one task. Paths are strings because {@link Path} is not serializable.
 */
public record TrainingWork(String preparedDir, String imagesSha256, String runsDir, Protocol protocol, boolean force,
                           TrainerKind trainer) implements Job<TrainingUnit, RunResult> {

    @Override
    public Job.Worker<TrainingUnit, RunResult> worker(String sharedFile, IntConsumer progress) {
        String backend = NativeBackend.initialize().describe();
        PreparedData prepared = new PreparedData(Path.of(preparedDir));
        String sha = Sha256.ofFile(prepared.images());
        if (!sha.equals(imagesSha256)) {
            throw new TlException(prepared.images() + " has SHA-256 " + sha + ", not the " + imagesSha256 + " that the "
                    + "build's driver trains on: the prepared data changed or the shared folder holds another copy; "
                    + "run tl:prepare again or point tl.workDir at the driver's folder");
        }
        return new UnitTrainer(ImageData.load(prepared), new RunLedger(Path.of(runsDir)), protocol, force,
                trainer.create(), backend + "; tl.trainer=" + trainer.id()
                + (trainer == TrainerKind.ONEDNN ? " (" + OneDnnTrainer.describe() + ")" : ""), progress);
    }

    @Override
    public String tasks() {
        return "training units";
    }

    @Override
    public String describe(TrainingUnit unit) {
        return unit.describe();
    }

    @Override
    public String kept() {
        return "the others are in the ledger; a rerun trains only the missing ones";
    }

    @Override
    public String returned(TrainingUnit unit, int results) {
        return unit.describe() + ": " + results + " scheme results back";
    }
}
