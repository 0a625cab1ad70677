package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.EthAddress;
import java.math.BigInteger;
import java.time.Duration;

/**
 * How a validator anchors to its L1 (the node config's {@code l1} section).
 *
 * @param url            Ethereum JSON-RPC endpoint
 * @param contract       the KeelCheckpoints contract address
 * @param confirmations  L1 blocks on top of (and including) the anchoring block before "settled";
 *                       0 means use the L1's {@code finalized} tag instead
 * @param poll           how often to read the L1
 * @param takeover       how long each next validator in line waits before submitting in the
 *                       designated submitter's place
 * @param replaceAfter   how long a sent transaction may stay pending before it is re-sent with higher fees
 * @param maxFeePerGas   the most this validator pays per gas; above it submission waits (fee spike)
 */
public record L1Settings(String url, EthAddress contract, int confirmations, Duration poll, Duration takeover,
                         Duration replaceAfter, BigInteger maxFeePerGas) {
    public static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

    public L1Settings {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("l1.url must be an http(s) JSON-RPC endpoint, got " + url);
        }
        if (confirmations < 0 || confirmations > 10_000) {
            throw new IllegalArgumentException("l1.confirmations must be 0..10000, got " + confirmations);
        }
        if (poll.isNegative() || poll.isZero() || takeover.isNegative() || replaceAfter.isNegative()
                || replaceAfter.isZero()) {
            throw new IllegalArgumentException("l1 durations must be positive");
        }
        if (maxFeePerGas.signum() <= 0) {
            throw new IllegalArgumentException("l1.max-fee-gwei must be positive");
        }
    }

    public static L1Settings defaults(String url, EthAddress contract) {
        return new L1Settings(url, contract, 3, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(30),
                GWEI.multiply(BigInteger.valueOf(500)));
    }
}
