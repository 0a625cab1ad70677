package dev.keel.consensus.core;

/**
 * Protections that the simulator can switch off to prove its checkers find the violation
 * that follows. Never set by a node: {@code keel run} has no flag for it.
 */
public enum Sabotage {
    /** Vote without the 2-chain locking rule. */
    SKIP_LOCK_CHECK,
    /** Restart with an empty safety record instead of the persisted one (applied by the shell). */
    FORGET_SAFETY_RECORD,
    /** Accept 2f signatures as a quorum instead of 2f+1. */
    SMALL_QUORUM;

    public String flag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Sabotage fromFlag(String flag) {
        for (Sabotage s : values()) {
            if (s.flag().equals(flag)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sabotage '" + flag + "'; known: skip-lock-check, forget-safety-record, small-quorum");
    }
}
