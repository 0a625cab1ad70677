package dev.keel.mempool;

import dev.keel.consensus.types.Hash;

/**
 * What {@link Mempool#add} did with a transaction. The HTTP API maps these to status codes:
 * Accepted 202, Duplicate 200 (idempotent resubmission: same hash, nothing new), Rejected 400
 * (the transaction itself is bad; retrying will not help), Busy 429 with {@code Retry-After}
 * (the pool or this source's share is full; retry later).
 */
public sealed interface Admission {
    Hash hash();

    record Accepted(Hash hash) implements Admission {
    }

    /** Already pending here, or committed (then {@code committed} is true). */
    record Duplicate(Hash hash, boolean committed) implements Admission {
    }

    /** {@code code}: {@code tx_too_large}, {@code empty_tx}, or the application's check code. */
    record Rejected(Hash hash, String code, String message) implements Admission {
    }

    /** {@code code}: {@code mempool_full} or {@code source_quota}. */
    record Busy(Hash hash, String code, String message, long retryAfterMillis) implements Admission {
    }
}
