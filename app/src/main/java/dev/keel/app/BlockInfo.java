package dev.keel.app;

import dev.keel.consensus.types.Hash;

/** The committed block being executed; the timestamp is the proposer's, agreed by consensus. */
public record BlockInfo(long height, Hash blockId, long timestampMillis) {
    public BlockInfo {
        if (height < 1) {
            throw new IllegalArgumentException("height " + height + " < 1");
        }
    }
}
