package dev.keel.consensus.core;

import java.time.Duration;

/** Fire {@code TimerFired(round)} after {@code after}; replaces any earlier timer. */
public record TimerRequest(long round, Duration after) {
}
