package dev.keel.checkpoint.sim;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * A reading of the simulator's counters ({@code keel_status} returns the same).
 *
 * @param requests        JSON-RPC requests by method (unknown methods counted under their name too)
 * @param badRequests     requests answered with -32700, -32600, -32601 or -32602, by code
 * @param faultsInjected  faults injected by kind (reorg, rpcOutage, feeSpike, miningPause, blockTime)
 * @param failedRequests  requests an RPC outage failed
 */
public record SimStats(long headNumber, long safeNumber, long finalizedNumber, int pendingTxs, BigInteger nextBaseFee,
                       boolean miningPaused, Duration blockTime, boolean outageActive, long txsAccepted,
                       long txsRejected, Map<String, Long> requests, Map<String, Long> badRequests,
                       Map<String, Long> faultsInjected, long failedRequests) {
    public SimStats {
        requests = Map.copyOf(requests);
        badRequests = Map.copyOf(badRequests);
        faultsInjected = Map.copyOf(faultsInjected);
    }
}
