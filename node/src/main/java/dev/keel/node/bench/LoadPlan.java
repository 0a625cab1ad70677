package dev.keel.node.bench;

import java.time.Duration;

/**
 * What load to offer: an open loop at {@code rate} tx/s, or a closed loop of {@code clients}
 * clients (exactly one of the two is positive), of {@code txSize}-byte transactions, for
 * {@code duration} after a {@code warmup} that the statistics leave out. A transaction not
 * committed {@code timeout} after its scheduled send counts as timed out. Every bound below
 * keeps the run's memory and time finite.
 */
public record LoadPlan(String app, int rate, int clients, int txSize, Duration duration, Duration warmup,
                       Duration timeout) {
    public static final int MAX_RATE = 1_000_000;
    public static final int MAX_CLIENTS = 100_000;
    public static final int MIN_TX_SIZE = 32;
    public static final int MAX_TX_SIZE = 1 << 20;

    public LoadPlan {
        if (rate > 0 == clients > 0) {
            throw new IllegalArgumentException(rate > 0
                    ? "--rate and --clients exclude each other: choose an open loop (--rate) or a closed loop (--clients)"
                    : "give a positive --rate (open loop, tx/s) or --clients (closed loop)");
        }
        if (rate < 0 || rate > MAX_RATE) {
            throw new IllegalArgumentException("--rate must be 1.." + MAX_RATE + " tx/s, got " + rate);
        }
        if (clients < 0 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("--clients must be 1.." + MAX_CLIENTS + ", got " + clients);
        }
        if (txSize < MIN_TX_SIZE || txSize > MAX_TX_SIZE) {
            throw new IllegalArgumentException("--tx-size must be " + MIN_TX_SIZE + ".." + MAX_TX_SIZE + " bytes, got " + txSize);
        }
        requireWithin("--duration", duration, Duration.ofSeconds(1), Duration.ofHours(24));
        requireWithin("--warmup", warmup, Duration.ZERO, Duration.ofHours(1));
        requireWithin("--timeout", timeout, Duration.ofSeconds(1), Duration.ofMinutes(10));
    }

    private static void requireWithin(String flag, Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(flag + " must be " + human(min) + ".." + human(max) + ", got " + human(d));
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    public boolean openLoop() {
        return rate > 0;
    }
}
