package dev.keel.node.genesis;

import dev.keel.node.config.Problems;
import java.time.Duration;

/**
 * Protocol parameters every validator must share, which is why they live in the genesis
 * and not in each node's config: validators with different block limits would reject each
 * other's proposals, and different round timeouts make rounds drift apart.
 *
 * @param baseTimeout     the round timeout after a commit; doubles per round without one
 * @param maxTimeout      the cap of that doubling
 * @param maxBlockTxs     transactions per block
 * @param maxBlockBytes   payload bytes per block
 * @param maxFutureRounds how far ahead of its round a validator accepts messages (bounds memory under a flood)
 */
public record ConsensusParams(Duration baseTimeout, Duration maxTimeout, int maxBlockTxs, long maxBlockBytes,
                              int maxFutureRounds) {
    /** A payload larger than this would not fit the transport's frames. */
    public static final long MAX_BLOCK_BYTES_LIMIT = 64L << 20;
    public static final Duration MAX_TIMEOUT_LIMIT = Duration.ofHours(1);

    /** 1 s rounds backing off to 30 s, 1000 txs or 1 MiB per block, 100 rounds of look-ahead. */
    public static final ConsensusParams DEFAULT =
            new ConsensusParams(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000, 1L << 20, 100);

    /** Every bad parameter is reported, each under its genesis field name ({@code params.max_block_txs}). */
    public ConsensusParams {
        Problems p = new Problems(null);
        if (baseTimeout.compareTo(Duration.ofMillis(1)) < 0) {
            p.add("params.base_timeout_ms", baseTimeout.toMillis() + " ms is below 1 ms");
        }
        if (maxTimeout.compareTo(baseTimeout) < 0 || maxTimeout.compareTo(MAX_TIMEOUT_LIMIT) > 0) {
            p.add("params.max_timeout_ms", maxTimeout.toMillis() + " ms is not between base_timeout_ms ("
                    + baseTimeout.toMillis() + ") and " + MAX_TIMEOUT_LIMIT.toMillis());
        }
        if (maxBlockTxs < 1) {
            p.add("params.max_block_txs", maxBlockTxs + " is below 1");
        }
        if (maxBlockBytes < 1 || maxBlockBytes > MAX_BLOCK_BYTES_LIMIT) {
            p.add("params.max_block_bytes", maxBlockBytes + " is not in 1.." + MAX_BLOCK_BYTES_LIMIT);
        }
        if (maxFutureRounds < 1) {
            p.add("params.max_future_rounds", maxFutureRounds + " is below 1");
        }
        p.throwIfAny();
    }
}
