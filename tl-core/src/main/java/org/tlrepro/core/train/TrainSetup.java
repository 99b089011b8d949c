package org.tlrepro.core.train;

/**
 * How the runs were trained: the protocol and the network. Published with the runs, so that a report of published
 * results shows the same Table 1 and configuration as the build that trained them.
 */
public record TrainSetup(Protocol protocol, TrainedNetwork network) {
}
