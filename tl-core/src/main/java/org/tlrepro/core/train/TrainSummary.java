package org.tlrepro.core.train;

import java.util.List;

/**
 * {@code runs/train.json}: the protocol of the last {@code tl:train} and its runs, which later goals read (the
 * ledger folder may also hold runs of earlier protocols), with the network they trained (Table 1).
 */
public record TrainSummary(String toolVersion, Protocol protocol, TrainedNetwork network, List<RunResult> runs) {

    /** The protocol and network; the network is {@code null} in a summary of a tl before it recorded it. */
    public TrainSetup setup() {
        return new TrainSetup(protocol, network);
    }
}
