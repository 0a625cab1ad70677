package dev.keel.storage;

import dev.keel.consensus.types.Block;

/** The contract on the simulator's store: the object itself is what survives a crash. */
class MemoryStoreContractTest extends ChainStoreContract {
    @Override
    protected ChainStore create(Block genesis) {
        return new MemoryStore(genesis);
    }

    @Override
    protected ChainStore restart(ChainStore s) {
        return s;
    }
}
