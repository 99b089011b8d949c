package org.tlrepro.core.train;

import java.util.List;

/**
 * {@code runs/train.json}: the protocol of the last {@code tl:train} and its runs, which later goals read (the
 * ledger folder may also hold runs of earlier protocols).
 */
public record TrainSummary(String toolVersion, Protocol protocol, List<RunResult> runs) {
}
