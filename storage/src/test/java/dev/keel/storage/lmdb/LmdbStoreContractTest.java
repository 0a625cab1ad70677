package dev.keel.storage.lmdb;

import dev.keel.consensus.types.Block;
import dev.keel.storage.ChainStore;
import dev.keel.storage.ChainStoreContract;
import dev.keel.storage.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on LMDB: a restart closes the environment and opens the directory again. */
class LmdbStoreContractTest extends ChainStoreContract {
    @TempDir
    Path dir;
    private Block genesis;

    @Override
    protected ChainStore create(Block g) {
        genesis = g;
        return LmdbStore.open(config(), g);
    }

    @Override
    protected ChainStore restart(ChainStore s) {
        s.close();
        return LmdbStore.open(config(), genesis);
    }

    private LmdbConfig config() {
        // A small initial map also exercises growth along the way.
        return LmdbConfig.of(dir.resolve("data"), Fixtures.CHAIN.chainId(), Fixtures.KEY).withInitialMapSize(256 << 10);
    }
}
