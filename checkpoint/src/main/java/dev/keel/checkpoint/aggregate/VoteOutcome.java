package dev.keel.checkpoint.aggregate;

import dev.keel.checkpoint.SignedCheckpoint;

/** What the aggregator made of one checkpoint vote. */
public sealed interface VoteOutcome {
    /** Authentic, kept until this node has built the checkpoint to compare digests. */
    record Held() implements VoteOutcome {
    }

    /** Authentic and matching; {@code count} signatures so far, not yet enough. */
    record Counted(int count) implements VoteOutcome {
    }

    /** This vote completed the checkpoint. */
    record Formed(SignedCheckpoint checkpoint) implements VoteOutcome {
    }

    /** The checkpoint was already formed here; the sender may be behind (answer with our vote). */
    record AlreadyFormed() implements VoteOutcome {
    }

    /** The same vote again. */
    record Duplicate() implements VoteOutcome {
    }

    record Rejected(Reason reason) implements VoteOutcome {
    }

    enum Reason {
        /** The sender is not a validator. */
        UNKNOWN_SENDER,
        /** The signature does not recover to the sender's registered L1 address (or the contract would refuse it). */
        BAD_SIGNATURE,
        /** The sender signed a different checkpoint for this number: a byzantine validator, or chains diverged. */
        DIGEST_MISMATCH,
        /** Too far ahead of or behind this node's checkpoints to be worth memory. */
        OUT_OF_WINDOW
    }
}
