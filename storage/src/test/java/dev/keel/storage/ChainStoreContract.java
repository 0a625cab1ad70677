package dev.keel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.storage.bench.SyntheticChain;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ChainStore} contract, run against every implementation (one subclass each) so
 * the simulator's store and the production store cannot drift apart. {@link #restart} is a
 * crash and restart: for the in-memory store the object itself is what survives.
 */
public abstract class ChainStoreContract {
    protected SyntheticChain chain;
    protected ChainStore store;

    /** A fresh, empty store starting at {@code genesis}. */
    protected abstract ChainStore create(Block genesis);

    /** What a restarted node gets back after {@code s} stopped. */
    protected abstract ChainStore restart(ChainStore s);

    @BeforeEach
    void setUp() {
        chain = new SyntheticChain(Fixtures.CHAIN, 4, 42);
        store = create(chain.genesis());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Block genesis() {
        return chain.genesis();
    }

    private QuorumCert genesisQc() {
        return chain.certify(genesis());
    }

    private void restart() {
        store = restart(store);
    }

    @Test
    void freshStoreRecoversGenesis() {
        assertEquals(RecoveredState.genesis(genesis(), genesisQc()), store.recover());
        assertEquals(0, store.committedHeight());
        assertEquals(Optional.of(genesis()), store.blockByHeight(0));
        assertEquals(Optional.of(genesis()), store.blockByHash(genesis().id()));
        assertEquals(Optional.of(genesisQc()), store.qcFor(genesis().id()));
        restart();
        assertEquals(RecoveredState.genesis(genesis(), genesisQc()), store.recover());
    }

    @Test
    void safetyRecordIsReplacedWhole() {
        Block b1 = chain.child(genesis(), Payload.EMPTY);
        SafetyRecord vote = Fixtures.voted(chain, b1);
        store.saveSafety(vote);
        assertEquals(vote, store.recover().safety());
        SafetyRecord timeout = Fixtures.timedOut(chain, vote, 2, chain.certify(b1));
        store.saveSafety(timeout);
        assertEquals(timeout, store.recover().safety());
        restart();
        assertEquals(timeout, store.recover().safety());
    }

    @Test
    void savedBlocksArePendingInFirstSaveOrder() {
        Block b1 = chain.child(genesis(), chain.payload(2, 10));
        Block b2 = chain.child(b1, chain.payload(1, 10));
        Block fork = chain.child(genesis(), 5, chain.payload(1, 10));
        store.saveBlock(b1);
        store.saveBlock(b2);
        store.saveBlock(b1);
        store.saveBlock(fork);
        assertEquals(List.of(b1, b2, fork), store.recover().pending());
        assertEquals(Optional.of(fork), store.blockByHash(fork.id()));
        assertEquals(Optional.empty(), store.blockByHeight(1), "pending blocks have no height index");
        restart();
        assertEquals(List.of(b1, b2, fork), store.recover().pending());
    }

    @Test
    void saveAllIsTheSingleWritesInOneStep() {
        Block b1 = chain.child(genesis(), chain.payload(2, 10));
        Block b2 = chain.child(b1, chain.payload(1, 10));
        QuorumCert qc1 = chain.certify(b1);
        SafetyRecord vote = Fixtures.voted(chain, b2);
        store.saveAll(List.of(qc1), List.of(), Optional.of(vote), List.of(b1, b2), List.of());
        restart();
        RecoveredState r = store.recover();
        assertEquals(vote, r.safety());
        assertEquals(qc1, r.highQc());
        assertEquals(List.of(b1, b2), r.pending());
        store.saveAll(List.of(), List.of(), Optional.empty(), List.of(b1), List.of()); // idempotent like saveBlock
        assertEquals(List.of(b1, b2), store.recover().pending());
        QuorumCert qc2 = chain.certify(b2);
        store.saveAll(List.of(qc2), List.of(), Optional.empty(), List.of(),
                List.of(new dev.keel.consensus.core.Commit(List.of(b1), qc2)));
        restart();
        assertEquals(1, store.committedHeight());
        assertEquals(Optional.of(b1), store.blockByHeight(1));
        assertEquals(qc2, store.recover().highQc());
    }

    @Test
    void saveQcKeepsTheHighestRound() {
        Block b1 = chain.child(genesis(), Payload.EMPTY);
        Block b2 = chain.child(b1, Payload.EMPTY);
        QuorumCert qc1 = chain.certify(b1);
        QuorumCert qc2 = chain.certify(b2);
        store.saveQc(qc2);
        store.saveQc(qc1);
        store.saveQc(chain.certify(b2));
        assertEquals(qc2, store.recover().highQc());
        assertEquals(Optional.of(qc1), store.qcFor(b1.id()));
        assertEquals(Optional.of(qc2), store.qcFor(b2.id()), "the first QC for a block is kept");
        restart();
        assertEquals(qc2, store.recover().highQc());
    }

    @Test
    void saveTcKeepsTheHighestRound() {
        assertEquals(Optional.empty(), store.recover().highTc());
        var tc3 = chain.timeoutCert(3, genesisQc());
        store.saveTc(tc3);
        store.saveTc(chain.timeoutCert(2, genesisQc()));
        store.saveTc(chain.timeoutCert(3, genesisQc()));
        assertEquals(Optional.of(tc3), store.recover().highTc());
        var tc5 = chain.timeoutCert(5, genesisQc());
        store.saveTc(tc5);
        restart();
        assertEquals(Optional.of(tc5), store.recover().highTc());
    }

    @Test
    void commitIndexesBlocksTransactionsAndProof() {
        Block b1 = chain.child(genesis(), chain.payload(3, 20));
        Block b2 = chain.child(b1, chain.payload(2, 20));
        Block b3 = chain.child(b2, chain.payload(1, 20));
        store.saveBlock(b1);
        store.saveBlock(b2);
        store.saveBlock(b3);
        var commit = chain.commit(List.of(b1, b2));
        store.commit(commit);
        for (int round = 0; round < 2; round++) {
            assertEquals(2, store.committedHeight());
            assertEquals(Optional.of(b1), store.blockByHeight(1));
            assertEquals(Optional.of(b2), store.blockByHeight(2));
            assertEquals(Optional.of(b2.header()), store.headerByHeight(2));
            assertEquals(Optional.empty(), store.blockByHeight(3));
            assertTxsIndexed(b1);
            assertTxsIndexed(b2);
            assertEquals(Optional.empty(), store.findTx(Hash.of(b3.payload().txs().get(0).unsafeArray())));
            RecoveredState r = store.recover();
            assertEquals(b2, r.committedHead());
            assertEquals(commit.proof(), r.highCommitQc());
            assertEquals(List.of(b3), r.pending());
            assertEquals(Optional.of(commit.proof()), store.qcFor(commit.proof().blockId()));
            restart();
        }
    }

    @Test
    void commitStoresBlocksThatWereNeverSaved() {
        Block b1 = chain.child(genesis(), chain.payload(1, 8));
        store.commit(chain.commit(b1));
        assertEquals(Optional.of(b1), store.blockByHash(b1.id()));
        assertEquals(List.of(), store.recover().pending());
        assertTxsIndexed(b1);
    }

    @Test
    void commitMustExtendTheHeadAndChangesNothingOtherwise() {
        Block b1 = chain.child(genesis(), chain.payload(1, 8));
        Block b2 = chain.child(b1, chain.payload(1, 8));
        Block other = chain.child(genesis(), 3, chain.payload(1, 8));
        Block onOther = chain.child(other, chain.payload(1, 8));
        store.commit(chain.commit(b1));
        RecoveredState before = store.recover();
        assertThrows(IllegalStateException.class, () -> store.commit(chain.commit(b1)), "same height again");
        assertThrows(IllegalStateException.class, () -> store.commit(chain.commit(chain.child(b2, Payload.EMPTY))), "gap");
        assertThrows(IllegalStateException.class, () -> store.commit(chain.commit(onOther)), "height fits, parent does not");
        assertEquals(before, store.recover());
        assertEquals(1, store.committedHeight());
        assertEquals(Optional.empty(), store.findTx(Hash.of(onOther.payload().txs().get(0).unsafeArray())));
    }

    @Test
    void aTransactionKeepsItsFirstLocation() {
        Payload p = chain.payload(2, 16);
        Block b1 = chain.child(genesis(), p);
        Block b2 = chain.child(b1, new Payload(List.of(Bytes.wrap(new byte[] {9}), p.txs().get(1))));
        store.commit(chain.commit(b1));
        store.commit(chain.commit(b2));
        assertEquals(Optional.of(new TxLocation(1, 1, b1.id())), store.findTx(Hash.of(p.txs().get(1).unsafeArray())));
        assertEquals(Optional.of(new TxLocation(2, 0, b2.id())), store.findTx(Hash.of(new byte[] {9})));
    }

    @Test
    void pendingBlocksAtOrBelowTheHeadAreDroppedAtCommit() {
        Block b1 = chain.child(genesis(), Payload.EMPTY);
        Block fork1 = chain.child(genesis(), 4, Payload.EMPTY);
        Block b2 = chain.child(b1, Payload.EMPTY);
        store.saveBlock(fork1);
        store.saveBlock(b1);
        store.saveBlock(b2);
        store.commit(chain.commit(b1));
        assertEquals(List.of(b2), store.recover().pending());
        Block late = chain.child(genesis(), 6, Payload.EMPTY);
        store.saveBlock(late);
        assertEquals(List.of(b2, late), store.recover().pending(), "a stale block stays pending until the next commit");
        store.commit(chain.commit(b2));
        assertEquals(List.of(), store.recover().pending());
        assertEquals(Optional.of(fork1), store.blockByHash(fork1.id()), "blocks stay readable by hash");
    }

    @Test
    void ancestorsWalkBackToTheStopHeight() {
        Block b1 = chain.child(genesis(), Payload.EMPTY);
        Block b2 = chain.child(b1, Payload.EMPTY);
        Block b3 = chain.child(b2, Payload.EMPTY);
        store.commit(chain.commit(List.of(b1, b2)));
        store.saveBlock(b3);
        assertEquals(List.of(b3, b2, b1), store.ancestors(b3.id(), 10, 0));
        assertEquals(List.of(b3, b2), store.ancestors(b3.id(), 2, 0));
        assertEquals(List.of(b3), store.ancestors(b3.id(), 10, 2));
        assertEquals(List.of(), store.ancestors(chain.randomHash(), 10, 0));
    }

    @Test
    void checkpointsAreSavedReplacedAndLoaded() {
        store.saveCheckpoint(1, Bytes.fromHex("0102"));
        store.saveCheckpoint(2, Bytes.EMPTY);
        store.saveCheckpoint(1, Bytes.fromHex("03"));
        restart();
        assertEquals(Optional.of(Bytes.fromHex("03")), store.loadCheckpoint(1));
        assertEquals(Optional.of(Bytes.EMPTY), store.loadCheckpoint(2));
        assertEquals(Optional.empty(), store.loadCheckpoint(3));
    }

    @Test
    void unknownLookupsAreEmpty() {
        assertEquals(Optional.empty(), store.blockByHeight(-1));
        assertEquals(Optional.empty(), store.blockByHeight(1));
        assertEquals(Optional.empty(), store.headerByHeight(1));
        assertEquals(Optional.empty(), store.blockByHash(chain.randomHash()));
        assertEquals(Optional.empty(), store.findTx(chain.randomHash()));
        assertEquals(Optional.empty(), store.qcFor(chain.randomHash()));
        assertEquals(0, store.oldestBodyHeight());
    }

    @Test
    void manyCommitsSurviveRestart() {
        Block tip = genesis();
        List<Block> uncommitted = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Block next = chain.child(tip, chain.payload(i % 4, 32));
            store.saveBlock(next);
            store.saveQc(chain.certify(next));
            uncommitted.add(next);
            if (i % 3 == 2) {
                store.commit(chain.commit(uncommitted));
                uncommitted.clear();
            }
            tip = next;
        }
        RecoveredState before = store.recover();
        restart();
        assertEquals(before, store.recover());
        for (long h = 0; h <= store.committedHeight(); h++) {
            Block b = store.blockByHeight(h).orElseThrow();
            assertEquals(Optional.of(b), store.blockByHash(b.id()));
            assertTxsIndexed(b);
        }
        assertEquals(39, store.committedHeight());
        assertEquals(List.of(tip), store.recover().pending());
    }

    private void assertTxsIndexed(Block b) {
        List<Bytes> txs = b.payload().txs();
        for (int i = 0; i < txs.size(); i++) {
            assertEquals(Optional.of(new TxLocation(b.height(), i, b.id())), store.findTx(Hash.of(txs.get(i).unsafeArray())));
        }
    }
}
