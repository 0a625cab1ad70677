package dev.keel.consensus.liveness;

import java.time.Duration;

/**
 * Tracks the current round and how long to wait in it. The wait doubles with every round
 * since the last commit beyond the two a healthy 2-chain pipeline needs, up to a cap, so
 * replicas with skewed clocks eventually overlap in one round (partial synchrony) without
 * a single slow round costing the maximum.
 */
public final class Pacemaker {
    /** Rounds between a block's round and its commit when all is well (2-chain). */
    private static final int PIPELINE_DEPTH = 2;
    private static final int MAX_DOUBLINGS = 20;

    private final Duration base;
    private final Duration max;
    private long round;
    private long lastCommittedRound;

    public Pacemaker(Duration base, Duration max) {
        if (base.isZero() || base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max timeout");
        }
        this.base = base;
        this.max = max;
    }

    public long round() {
        return round;
    }

    /** Enters {@code next} if it is ahead; rounds never go back. True when the round changed. */
    public boolean advanceTo(long next) {
        if (next <= round) {
            return false;
        }
        round = next;
        return true;
    }

    public void onCommit(long committedRound) {
        lastCommittedRound = Math.max(lastCommittedRound, committedRound);
    }

    /** The timeout for the current round: capped exponential backoff since the last commit. */
    public Duration timeout() {
        long behind = Math.max(0, round - lastCommittedRound - PIPELINE_DEPTH);
        int doublings = (int) Math.min(behind, MAX_DOUBLINGS);
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
