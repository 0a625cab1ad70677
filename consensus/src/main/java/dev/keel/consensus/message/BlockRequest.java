package dev.keel.consensus.message;

import dev.keel.consensus.types.Hash;

/**
 * Asks a peer for block {@code blockId} and up to {@code count - 1} of its ancestors, newest
 * first, stopping above height {@code stopAboveHeight} (what the asker already has committed).
 */
public record BlockRequest(Hash blockId, int count, long stopAboveHeight) implements Message {
    public static final int MAX_COUNT = 256;

    public BlockRequest {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("block request count must be 1.." + MAX_COUNT);
        }
        if (stopAboveHeight < 0) {
            throw new IllegalArgumentException("negative height");
        }
    }

    @Override
    public long round() {
        return 0;
    }
}
