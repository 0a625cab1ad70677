package dev.keel.storage;

import dev.keel.consensus.types.Hash;

/** Where a committed transaction sits: block height, position in the block, and the block's id. */
public record TxLocation(long height, int index, Hash blockId) {
    public TxLocation {
        if (height < 0 || index < 0) {
            throw new IllegalArgumentException("negative height or index in tx location");
        }
    }
}
