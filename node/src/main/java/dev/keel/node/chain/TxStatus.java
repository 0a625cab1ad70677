package dev.keel.node.chain;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Hash;
import java.util.OptionalLong;

/**
 * Where a transaction is, as far as this validator knows. Later stages ({@code anchored},
 * {@code settled} on the L1) come with checkpoints.
 */
public sealed interface TxStatus {
    /** In this validator's mempool since {@code receivedAtMillis} (wall clock). */
    record Pending(long receivedAtMillis) implements TxStatus {
    }

    /**
     * In a finalized block at {@code height}, position {@code index}. {@code result} says whether the
     * application applied it. {@code latencyMillis}: receipt here → commit here, when this validator
     * received it from a client recently enough to remember.
     */
    record Committed(long height, int index, Hash blockId, TxResult result, OptionalLong latencyMillis)
            implements TxStatus {
    }

    /** Dropped from (or never admitted to) the mempool: {@code expired}, {@code evicted}, or a check code. */
    record Rejected(String code, String message) implements TxStatus {
    }

    /** Never seen here, or forgotten. */
    record Unknown() implements TxStatus {
    }
}
