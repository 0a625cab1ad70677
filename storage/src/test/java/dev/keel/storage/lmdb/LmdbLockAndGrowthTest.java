package dev.keel.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.types.Block;
import dev.keel.storage.Fixtures;
import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import dev.keel.storage.bench.SyntheticChain;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory lock, map growth from a tiny map, and use after close. */
class LmdbLockAndGrowthTest {
    @TempDir
    Path dir;
    private final SyntheticChain chain = new SyntheticChain(Fixtures.CHAIN, 4, 5);

    private LmdbConfig config() {
        return LmdbConfig.of(dir, Fixtures.CHAIN.chainId(), Fixtures.KEY).withInitialMapSize(LmdbConfig.MIN_MAP_SIZE);
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedWhileTheFirstIsOpen() {
        LmdbStore first = LmdbStore.open(config(), chain.genesis());
        StorageException e = assertThrows(StorageException.class, () -> LmdbStore.open(config(), chain.genesis()));
        assertEquals(Problem.LOCKED, e.problem());
        // The refused open must not have released the first store's lock or broken it.
        Block b1 = chain.child(chain.genesis(), chain.payload(1, 10));
        first.commit(chain.commit(b1));
        assertEquals(Problem.LOCKED, assertThrows(StorageException.class,
                () -> LmdbStore.open(config(), chain.genesis())).problem());
        first.close();
        first.close(); // idempotent
        try (LmdbStore again = LmdbStore.open(config(), chain.genesis())) {
            assertEquals(1, again.committedHeight());
        }
    }

    @Test
    void aClosedStoreRefusesUse() {
        LmdbStore s = LmdbStore.open(config(), chain.genesis());
        s.close();
        assertEquals(Problem.CLOSED, assertThrows(StorageException.class, s::recover).problem());
        assertEquals(Problem.CLOSED, assertThrows(StorageException.class,
                () -> s.saveSafety(Fixtures.voted(chain, chain.genesis()))).problem());
    }

    @Test
    void theMapGrowsFromATinyStartAndKeepsEverything() {
        RecoveredState before;
        long grown;
        Block tip = chain.genesis();
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            for (int i = 0; i < 300; i++) {
                tip = chain.child(tip, chain.payload(2, 512));
                s.saveBlock(tip);
                s.commit(chain.commit(tip));
            }
            tip = chain.child(tip, chain.payload(1, 1 << 20));
            s.saveBlock(tip);
            s.commit(chain.commit(tip));
            s.saveSafety(Fixtures.voted(chain, tip));
            grown = s.mapSize();
            assertTrue(grown >= 2 << 20, "map grew to hold a 1 MiB block: " + grown);
            before = s.recover();
        }
        try (LmdbStore s = LmdbStore.open(config(), chain.genesis())) {
            assertEquals(before, s.recover());
            assertTrue(s.mapSize() >= grown, "reopening keeps the grown map size");
            assertEquals(301, s.committedHeight());
            assertEquals(tip, s.blockByHeight(301).orElseThrow());
            for (long h = 0; h <= 301; h++) {
                Block b = s.blockByHeight(h).orElseThrow();
                assertEquals(b, s.blockByHash(b.id()).orElseThrow());
            }
        }
    }
}
