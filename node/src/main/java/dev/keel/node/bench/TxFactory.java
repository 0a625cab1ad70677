package dev.keel.node.bench;

import dev.keel.consensus.types.Bytes;

/**
 * Makes the {@code seq}-th transaction of a run. Called from several producer threads at
 * once, each {@code seq} exactly once; distinct {@code seq} must give distinct bytes (the
 * mempool drops a duplicate), and so must two runs against the same chain.
 */
@FunctionalInterface
public interface TxFactory {
    Bytes make(long seq);
}
