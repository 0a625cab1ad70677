package dev.keel.consensus.blocktree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.SignerBitmap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blocks above the last commit. Layout used by the example tests:
 * <pre>
 *   genesis ← b1 (r1) ← b2 (r2) ← b3 (r3)
 *           |        ← f2 (r3) ← f3 (r4)     fork off b1
 *           ← g1 (r2)                         fork off genesis
 * </pre>
 * The tree checks structure only, so blocks carry unsigned QCs here.
 */
class BlockTreeTest {
    private static final TestChain T = TestChain.four();

    /** A structurally valid QC for {@code b} with no signers: enough for the tree, which never verifies. */
    static QuorumCert unsignedQc(Block b) {
        return b.round() == 0 ? T.genesisQc : new QuorumCert(b.voteData(), SignerBitmap.of(T.n, List.of()), List.of());
    }

    static Block on(Block parent, long round, String tx) {
        return T.block(unsignedQc(parent), round, T.leaders.leader(round), TestChain.payload(tx));
    }

    private final Block b1 = on(T.genesis, 1, "b1");
    private final Block b2 = on(b1, 2, "b2");
    private final Block b3 = on(b2, 3, "b3");
    private final Block f2 = on(b1, 3, "f2");
    private final Block f3 = on(f2, 4, "f3");
    private final Block g1 = on(T.genesis, 2, "g1");
    private BlockTree tree;

    @BeforeEach
    void setUp() {
        tree = new BlockTree(T.genesis);
    }

    private void insertAll(Block... blocks) {
        for (Block b : blocks) {
            assertEquals(InsertResult.INSERTED, tree.insert(b), "insert " + b);
        }
    }

    @Test
    void insertReportsInsertedAndAlreadyKnown() {
        assertEquals(InsertResult.INSERTED, tree.insert(b1));
        assertEquals(InsertResult.ALREADY_KNOWN, tree.insert(b1));
        assertEquals(InsertResult.ALREADY_KNOWN, tree.insert(T.genesis));
        assertEquals(1, tree.pendingCount());
        assertEquals(Optional.of(b1), tree.get(b1.id()));
    }

    @Test
    void insertWithUnknownParentIsMissingParentAndNotStored() {
        tree.insert(b1);
        assertEquals(InsertResult.MISSING_PARENT, tree.insert(b3));
        assertFalse(tree.contains(b3.id()));
    }

    @Test
    void insertAtOrBelowCommittedHeightIsBelowCommitted() {
        insertAll(b1, b2);
        tree.commit(b2.id());
        assertEquals(InsertResult.BELOW_COMMITTED, tree.insert(f2)); // height 2 = committed height
        assertEquals(InsertResult.BELOW_COMMITTED, tree.insert(g1)); // height 1
    }

    @Test
    void pathFromCommittedIsOldestFirst() {
        insertAll(b1, b2, b3, f2);
        assertEquals(List.of(b1, b2, b3), tree.pathFromCommitted(b3.id()));
        assertEquals(List.of(b1, f2), tree.pathFromCommitted(f2.id()));
        assertEquals(List.of(), tree.pathFromCommitted(T.genesis.id()), "the head itself is not above the head");
        assertEquals(List.of(), tree.pathFromCommitted(Hash.ZERO), "unknown block");
    }

    @Test
    void commitReturnsAncestorsOldestFirstAndMovesTheHead() {
        insertAll(b1, b2, b3);
        assertEquals(List.of(b1, b2), tree.commit(b2.id()));
        assertEquals(b2, tree.committedHead());
        assertEquals(List.of(b3), tree.pathFromCommitted(b3.id()));
        assertEquals(List.of(b3), tree.commit(b3.id()));
    }

    @Test
    void commitPrunesForksThatNoLongerDescendFromTheHead() {
        // Commit rule safety: no QC can ever commit a block off the committed chain, so keep none.
        insertAll(b1, b2, b3, f2, f3, g1);
        assertEquals(6, tree.pendingCount());
        tree.commit(b2.id());
        assertEquals(1, tree.pendingCount());
        assertTrue(tree.contains(b3.id()));
        for (Block dropped : List.of(f2, f3, g1, b1)) {
            assertFalse(tree.contains(dropped.id()), dropped + " must be gone");
        }
    }

    @Test
    void forkSiblingIsDroppedAfterCommitOfItsParent() {
        insertAll(b1, b2, f2);
        tree.commit(b1.id());
        assertTrue(tree.contains(b2.id()) && tree.contains(f2.id()), "both still extend b1");
        tree.commit(b2.id());
        assertFalse(tree.contains(f2.id()));
        assertEquals(0, tree.pendingCount());
    }

    @Test
    void commitOfCommittedOrUnknownBlockIsEmptyAndChangesNothing() {
        insertAll(b1, b2);
        tree.commit(b2.id());
        assertEquals(List.of(), tree.commit(b2.id()));
        assertEquals(List.of(), tree.commit(b1.id()));
        assertEquals(List.of(), tree.commit(Hash.ZERO));
        assertEquals(b2, tree.committedHead());
    }

    @Test
    void ancestryListsTxHashesOfUncommittedPathOnly() {
        insertAll(b1, b2, b3);
        tree.commit(b1.id());
        assertEquals(List.of(txHash("b2"), txHash("b3")), Ancestry.txHashesUpTo(tree, b3.id()));
    }

    private static Hash txHash(String tx) {
        return Hash.of(tx.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Random trees: block i (round i) hangs off a random earlier block; commit a random one.
     * The commit is the path to it, and afterwards exactly its descendants remain.
     */
    @Property(tries = 200)
    void commitKeepsExactlyTheDescendantsOfTheNewHead(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 1000) Integer> parentChoices,
            @ForAll @IntRange(min = 0, max = 1000) int commitChoice) {
        List<Block> all = new ArrayList<>(List.of(T.genesis));
        Map<Hash, Block> byId = new HashMap<>();
        BlockTree t = new BlockTree(T.genesis);
        for (int i = 0; i < parentChoices.size(); i++) {
            Block parent = all.get(parentChoices.get(i) % all.size());
            Block b = on(parent, i + 1, "t" + i);
            all.add(b);
            byId.put(b.id(), b);
            assertEquals(InsertResult.INSERTED, t.insert(b));
        }
        Block target = all.get(1 + commitChoice % (all.size() - 1));
        List<Block> committed = t.commit(target.id());

        assertEquals(target, committed.get(committed.size() - 1));
        assertEquals(T.genesis.id(), committed.get(0).parentId());
        for (int i = 1; i < committed.size(); i++) {
            assertEquals(committed.get(i - 1).id(), committed.get(i).parentId());
        }
        int expectedPending = 0;
        for (Block b : all.subList(1, all.size())) {
            boolean descends = strictlyDescends(b, target, byId);
            assertEquals(descends, t.contains(b.id()) && !b.equals(target), b + " kept iff it descends from " + target);
            expectedPending += descends ? 1 : 0;
        }
        assertEquals(expectedPending, t.pendingCount());
    }

    private static boolean strictlyDescends(Block b, Block ancestor, Map<Hash, Block> byId) {
        Block cur = byId.get(b.parentId());
        while (cur != null) {
            if (cur.equals(ancestor)) {
                return true;
            }
            cur = byId.get(cur.parentId());
        }
        return false;
    }
}
