package dev.keel.node.chain;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * A finalized block as the API shows it: the block itself, its transactions' hashes (in
 * order), and, once executed here, each transaction's result and the state root after it.
 */
public record BlockView(Block block, List<Hash> txHashes, Optional<Execution> execution) {
    public BlockView {
        txHashes = List.copyOf(txHashes);
        if (txHashes.size() != block.payload().txs().size()) {
            throw new IllegalArgumentException("one hash per transaction");
        }
    }

    /** Results in transaction order, and the application's state root after the block. */
    public record Execution(List<TxResult> results, Hash stateRoot) {
        public Execution {
            results = List.copyOf(results);
        }
    }
}
