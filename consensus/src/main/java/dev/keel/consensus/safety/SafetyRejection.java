package dev.keel.consensus.safety;

/** Why safety rules refused to sign. Each names the rule it enforces. */
public enum SafetyRejection {
    /** Vote rule: round must be above the last voted round (no second vote in a round). */
    ROUND_NOT_NEWER,
    /** Vote rule (the 2-chain lock): the block must extend the QC of round r-1, or a TC of r-1 whose highest QC it extends. */
    NOT_SAFE_TO_EXTEND,
    /** Timeout rule: never time out a round below one already voted in. */
    TIMEOUT_BELOW_VOTED_ROUND,
    /** Timeout rule: the round must follow the QC or TC the replica holds, and its QC must not be below its lock. */
    TIMEOUT_NOT_JUSTIFIED,
    /** The message belongs to another epoch. */
    WRONG_EPOCH
}
