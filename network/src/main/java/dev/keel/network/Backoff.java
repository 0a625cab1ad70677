package dev.keel.network;

import java.time.Duration;

/**
 * Reconnect schedule for an outbound link: the delay doubles from {@code min} up to
 * {@code max}, each delay stretched by up to {@code randomFactor} so that validators
 * restarted together do not all redial in lockstep.
 */
public record Backoff(Duration min, Duration max, double randomFactor) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.2);

    public Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max");
        }
        if (randomFactor < 0 || randomFactor > 1) {
            throw new IllegalArgumentException("random factor must be 0..1");
        }
    }
}
