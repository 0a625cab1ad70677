package dev.keel.app;

import dev.keel.consensus.types.Hash;
import java.util.List;

/** One result per transaction of the block, in order, and the state root after it. */
public record BlockResult(List<TxResult> results, Hash stateRoot) {
    public BlockResult {
        results = List.copyOf(results);
    }
}
