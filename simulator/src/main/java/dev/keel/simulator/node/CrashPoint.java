package dev.keel.simulator.node;

/**
 * Where a simulated crash strikes. The named points are the persistence steps of a round:
 * a crash there must never let a replica sign twice after restart, nor lose a commit it
 * reported.
 */
public enum CrashPoint {
    /** At a random moment between events. */
    ANY_TIME,
    /** Just before the safety record is written: the vote was signed in memory only. */
    BEFORE_SAFETY_WRITE,
    /** After the safety record is durable, before the vote or timeout is sent. */
    AFTER_SAFETY_WRITE,
    /** Before a commit is written. */
    BEFORE_COMMIT,
    /** After a commit is written, before the application and anything later hear of it. */
    AFTER_COMMIT
}
