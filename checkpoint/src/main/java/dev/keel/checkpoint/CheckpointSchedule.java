package dev.keel.checkpoint;

/**
 * Which heights a checkpoint covers: checkpoint k covers ((k-1)·N, k·N]. Fixed by the genesis,
 * so every validator cuts the chain at the same heights and signs the same checkpoints, and the
 * contract's sequence number equals ours.
 */
public record CheckpointSchedule(long interval) {
    public static final long MAX_INTERVAL = 1_000_000;

    public CheckpointSchedule {
        if (interval < 1 || interval > MAX_INTERVAL) {
            throw new IllegalArgumentException("checkpoint interval must be 1.." + MAX_INTERVAL + " blocks, got " + interval);
        }
    }

    /** True when {@code height} closes a checkpoint range. */
    public boolean closes(long height) {
        return height >= 1 && height % interval == 0;
    }

    public long numberClosedBy(long height) {
        if (!closes(height)) {
            throw new IllegalArgumentException("height " + height + " does not close a checkpoint");
        }
        return height / interval;
    }

    /** The checkpoint that covers {@code height} (1-based). */
    public long numberCovering(long height) {
        return (height + interval - 1) / interval;
    }

    public long firstHeight(long number) {
        return (number - 1) * interval + 1;
    }

    public long lastHeight(long number) {
        return number * interval;
    }
}
