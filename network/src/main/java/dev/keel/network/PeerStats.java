package dev.keel.network;

/** A snapshot of one peer link's counters. */
public record PeerStats(int validator, boolean connected, long bytesIn, long bytesOut, long messagesIn,
                        long messagesOut, long dropped, long rejected, long reconnects) {
}
