package dev.keel.node.http;

import java.time.Duration;

/**
 * What the chain API accepts and how it streams.
 *
 * @param maxTxBodyBytes   largest {@code POST /v1/txs} body; larger ones are refused with 413 before
 *                         being read in full. Room for the mempool's largest transaction in hex JSON,
 *                         so that an oversized transaction gets the mempool's precise {@code tx_too_large}
 *                         for anything a little too big, and only a runaway body gets {@code request_too_large}
 * @param maxBatchBytes    largest {@code POST /v1/txs/batch} body
 * @param maxBatchTxs      most transactions in one batch
 * @param bodyTimeout      how long a client may take to send a body (a slow sender must not hold a
 *                         connection and its buffer forever); keep it below
 *                         {@code pekko.http.server.request-timeout}
 * @param streamPageSize   blocks fetched at once when the block stream replays history: bounds the
 *                         memory one subscriber holds
 * @param heartbeat        interval of SSE comment lines on a quiet stream, so proxies and the server's
 *                         own idle timeout do not cut it
 * @param trustForwardedFor take the client's address for mempool fairness from {@code X-Forwarded-For} /
 *                         {@code X-Real-IP} (only behind a proxy that sets them); otherwise from the TCP
 *                         peer, because any client can write those headers and would get a fresh quota
 *                         share with each made-up address
 */
public record ChainApiLimits(long maxTxBodyBytes, long maxBatchBytes, int maxBatchTxs, Duration bodyTimeout,
                             int streamPageSize, Duration heartbeat, boolean trustForwardedFor) {
    public static final long MAX_BATCH_BYTES = 16L << 20;
    public static final int MAX_BATCH_TXS = 10_000;

    public ChainApiLimits {
        if (maxTxBodyBytes < 1 || maxBatchBytes < 1 || maxBatchTxs < 1 || streamPageSize < 1) {
            throw new IllegalArgumentException("chain api limits must be positive: " + maxTxBodyBytes + ", "
                    + maxBatchBytes + ", " + maxBatchTxs + ", " + streamPageSize);
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("chain api durations must be positive");
        }
    }

    /** The defaults for a mempool whose largest transaction is {@code maxTxBytes}. */
    public static ChainApiLimits forMaxTx(int maxTxBytes) {
        // Hex doubles the size; 1 KiB more covers {"tx":"0x"} and whitespace.
        // Body timeout below pekko's request-timeout (20 s default), so a slow upload gets our JSON 408
        // rather than the server's plain-text 503.
        return new ChainApiLimits(2L * maxTxBytes + 1024, MAX_BATCH_BYTES, MAX_BATCH_TXS, Duration.ofSeconds(15),
                100, Duration.ofSeconds(15), false);
    }

    public ChainApiLimits withHeartbeat(Duration every) {
        return new ChainApiLimits(maxTxBodyBytes, maxBatchBytes, maxBatchTxs, bodyTimeout, streamPageSize, every,
                trustForwardedFor);
    }
}
