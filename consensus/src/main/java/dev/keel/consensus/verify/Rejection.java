package dev.keel.consensus.verify;

/**
 * Why a message, or part of one, was dropped. Every drop is counted by this reason in the
 * shell's metrics; none of them is an exception, and none stops the node.
 */
public enum Rejection {
    MALFORMED,
    UNKNOWN_SENDER,
    AUTHOR_NOT_SENDER,
    WRONG_EPOCH,
    NOT_LEADER,
    STALE_ROUND,
    FUTURE_ROUND,
    DUPLICATE,
    BAD_SIGNATURE,
    BAD_CERTIFICATE,
    OVERSIZED,
    /** A vote sent to a validator that does not lead the next round. */
    MISDIRECTED,
    /** A block response nobody asked for. */
    UNSOLICITED,
    /** A second, different vote from one author in one round. */
    EQUIVOCATION,
    /** Safety rules refused to sign (the vote or timeout rule). */
    UNSAFE,
    /** A block that does not fit the tree (below the commit, or a bad link). */
    INVALID_BLOCK,
    /** Dropped because a bounded buffer was full. */
    OVERLOADED
}
