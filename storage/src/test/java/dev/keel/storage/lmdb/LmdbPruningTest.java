package dev.keel.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.Fixtures;
import dev.keel.storage.TxLocation;
import dev.keel.storage.bench.SyntheticChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning drops old bodies only: headers, QCs and the transaction index stay. */
class LmdbPruningTest {
    @TempDir
    Path dir;
    private final SyntheticChain chain = new SyntheticChain(Fixtures.CHAIN, 4, 9);
    private final List<Block> committed = new ArrayList<>();
    private final List<Commit> commits = new ArrayList<>();

    private LmdbConfig config(long retain) {
        return LmdbConfig.of(dir, Fixtures.CHAIN.chainId(), Fixtures.KEY).withInitialMapSize(8 << 20).withRetainBlocks(retain);
    }

    private void commitBlocks(LmdbStore s, int count, int perCommit) {
        Block tip = committed.isEmpty() ? chain.genesis() : committed.get(committed.size() - 1);
        List<Block> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tip = chain.child(tip, chain.payload(2, 40));
            batch.add(tip);
            if (batch.size() == perCommit || i == count - 1) {
                Commit c = chain.commit(batch);
                s.commit(c);
                commits.add(c);
                committed.addAll(batch);
                batch.clear();
            }
        }
    }

    @Test
    void pruningIsOffByDefault() {
        assertEquals(0, LmdbConfig.of(dir, "c", Fixtures.KEY).retainBlocks());
        try (LmdbStore s = LmdbStore.open(config(0), chain.genesis())) {
            commitBlocks(s, 30, 1);
            assertEquals(0, s.oldestBodyHeight());
            assertEquals(Optional.of(chain.genesis()), s.blockByHeight(0));
        }
    }

    @Test
    void oldBodiesGoWhileHeadersQcsAndTxIndexStay() {
        try (LmdbStore s = LmdbStore.open(config(10), chain.genesis())) {
            commitBlocks(s, 50, 1);
            assertEquals(41, s.oldestBodyHeight());
            assertEquals(Optional.empty(), s.blockByHeight(40));
            assertEquals(Optional.of(committed.get(40)), s.blockByHeight(41));
            Block first = committed.get(0);
            assertEquals(Optional.empty(), s.blockByHash(first.id()));
            assertEquals(Optional.of(first.header()), s.headerByHeight(1));
            assertEquals(Optional.of(new TxLocation(1, 1, first.id())),
                    s.findTx(Hash.of(first.payload().txs().get(1).unsafeArray())));
            assertEquals(Optional.of(commits.get(0).proof()), s.qcFor(commits.get(0).proof().blockId()));
            assertEquals(committed.get(49), s.recover().committedHead());
            assertEquals(List.of(committed.get(49), committed.get(48)), s.ancestors(committed.get(49).id(), 5, 48));
            assertEquals(10, s.ancestors(committed.get(49).id(), 100, 0).size(), "block sync stops at pruned bodies");
        }
        try (LmdbStore s = LmdbStore.open(config(0), chain.genesis())) {
            commitBlocks(s, 5, 1);
            assertEquals(41, s.oldestBodyHeight(), "turning pruning off keeps what was pruned and prunes no more");
        }
    }

    @Test
    void turningPruningOnForALongChainSpreadsTheWork() {
        try (LmdbStore s = LmdbStore.open(config(0), chain.genesis())) {
            commitBlocks(s, 1500, 250);
        }
        try (LmdbStore s = LmdbStore.open(config(100), chain.genesis())) {
            commitBlocks(s, 1, 1);
            assertEquals(CommitWriter.MAX_PRUNED_PER_COMMIT, s.oldestBodyHeight());
            commitBlocks(s, 1, 1);
            assertEquals(1502 - 100 + 1, s.oldestBodyHeight());
            assertTrue(s.blockByHeight(1403).isPresent());
            assertTrue(s.headerByHeight(5).isPresent());
        }
    }
}
