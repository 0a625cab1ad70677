package dev.keel.consensus.types;

/**
 * A validator's signed statement that round {@code round} timed out, carrying its highest
 * QC. The signature covers {@code (round, highQc.round)} only (Jolteon), so timeouts with
 * different QCs of the same round aggregate into one TC.
 */
public record Timeout(long round, int author, QuorumCert highQc, Signature signature) {
    public Timeout {
        if (round <= 0 || author < 0) {
            throw new IllegalArgumentException("timeout needs round > 0 and author >= 0");
        }
        if (highQc.round() >= round) {
            throw new IllegalArgumentException("timeout's QC round " + highQc.round() + " not below round " + round);
        }
    }
}
