package dev.keel.checkpoint.anchor;

import java.math.BigInteger;

/**
 * This validator's one in-flight L1 transaction, journaled (synced) before it is broadcast, so
 * a crash between sending and recording is answered by re-broadcasting the same bytes, never
 * by a second, conflicting transaction.
 */
public record Submission(long number, long nonce, String txHash, String rawTx, BigInteger tip, BigInteger maxFee,
                         long gasLimit, long sentAtMillis) {
}
