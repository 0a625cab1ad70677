package dev.keel.checkpoint.anchor;

/** What one submitter tick did; logged and counted by the shell. */
public sealed interface SubmitStep {
    record Idle(String why) implements SubmitStep {
    }

    /** Not this validator's turn yet for checkpoint {@code number}. */
    record Waiting(long number, long turnInMillis) implements SubmitStep {
    }

    record Sent(long number, String txHash, long nonce) implements SubmitStep {
    }

    /** The pending transaction was re-sent with higher fees (same nonce). */
    record Replaced(long number, String txHash) implements SubmitStep {
    }

    /** The L1 forgot the transaction (reorg, restart, eviction); the same bytes were sent again. */
    record Rebroadcast(long number, String txHash) implements SubmitStep {
    }

    /** The in-flight transaction is settled one way or another and was forgotten. */
    record Cleared(long number, String why) implements SubmitStep {
    }

    /** Fees are above this validator's cap: waiting for them to come down. */
    record FeeCapped(long number, String baseFeeGwei) implements SubmitStep {
    }

    /** The contract would refuse the checkpoint (a bug or a misconfiguration, not a race). */
    record Refused(long number, String error) implements SubmitStep {
    }
}
