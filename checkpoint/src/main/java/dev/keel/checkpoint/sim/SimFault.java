package dev.keel.checkpoint.sim;

import java.time.Duration;

/**
 * Faults and knobs a test or the CLI injects into a running simulator
 * ({@link L1Simulator#inject}, or the {@code keel_*} JSON-RPC methods).
 */
public sealed interface SimFault {
    /** Replace the newest {@code depth} blocks; {@code dropTxs}: their transactions vanish instead of being re-mined. */
    record Reorg(int depth, boolean dropTxs) implements SimFault {
        public Reorg {
            if (depth < 1) {
                throw new IllegalArgumentException("reorg depth must be >= 1, got " + depth);
            }
        }
    }

    /**
     * For {@code duration}, each non-control request fails with {@code probability} (1 = all of
     * them), drawn from the seeded random source. {@link Duration#ZERO} ends an outage.
     * Control methods (evm_*, hardhat_*, keel_*) are never failed, so a test can always recover.
     */
    record RpcOutage(Duration duration, double probability, OutageMode mode) implements SimFault {
        public RpcOutage {
            if (duration.isNegative() || !(probability > 0 && probability <= 1)) {
                throw new IllegalArgumentException("outage needs duration >= 0 and 0 < probability <= 1");
            }
        }
    }

    /** How a failed request looks to the client. */
    enum OutageMode {
        /** HTTP 503 Service Unavailable, no body: the transport fails. */
        HTTP_503,
        /** HTTP 200 with JSON-RPC error -32000 "l1 unavailable (injected)": the node answers but refuses. */
        RPC_ERROR
    }

    /** The next {@code blocks} blocks' base fee is multiplied by {@code multiplier}. */
    record FeeSpike(long multiplier, int blocks) implements SimFault {
        public FeeSpike {
            if (multiplier < 1 || blocks < 0) {
                throw new IllegalArgumentException("fee spike needs multiplier >= 1 and blocks >= 0");
            }
        }
    }

    /** Stops (or restarts) automatic block production; explicit evm_mine still mines. */
    record MiningPause(boolean paused) implements SimFault {
    }

    /** Changes the block time; {@link Duration#ZERO} switches to automine. */
    record BlockTime(Duration blockTime) implements SimFault {
        public BlockTime {
            if (blockTime.isNegative() || (!blockTime.isZero() && blockTime.toMillis() < 1)) {
                throw new IllegalArgumentException("block time must be 0 or at least 1 ms, got " + blockTime);
            }
        }
    }
}
