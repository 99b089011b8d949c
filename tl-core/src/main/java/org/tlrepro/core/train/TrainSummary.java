package org.tlrepro.core.train;

import java.util.List;

/**
 * {@code runs/train.json}: the protocol of the last {@code tl:train} and its runs, which later goals read (the
 * ledger folder may also hold runs of earlier protocols), with the network they trained (Table 1) and how many of
 * them this {@code tl:train} trained rather than found in the ledger ({@code null} in an older summary).
 */
public record TrainSummary(String toolVersion, Protocol protocol, TrainedNetwork network, Integer trained,
                           List<RunResult> runs) {

    /** The protocol and network; the network is {@code null} in a summary of a tl before it recorded it. */
    public TrainSetup setup() {
        return new TrainSetup(protocol, network);
    }
}
