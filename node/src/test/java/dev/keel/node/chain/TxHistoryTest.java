package dev.keel.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.VoteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The history checker finds each kind of bad history (it can fail), and passes a good one. */
class TxHistoryTest {
    private static final Block GENESIS = Block.genesis(new ChainContext("t", 0), 4);
    private static final Bytes A = Bytes.wrap(new byte[] {1});
    private static final Bytes B = Bytes.wrap(new byte[] {2});
    private static final Signature SIG = new Signature(Bytes.wrap(new byte[64]));

    private static Block block(Block parent, List<Bytes> txs, int author) {
        // The checker reads heights, ids and hashes only: a structurally valid QC with fake signatures will do.
        var data = new VoteData(parent.id(), parent.round(), parent.height(), parent.parentId(), 0);
        QuorumCert qc = parent.round() == 0 ? QuorumCert.genesis(GENESIS.id(), 4)
                : new QuorumCert(data, SignerBitmap.of(4, List.of(0, 1, 2)),
                        List.of(SIG, SIG, SIG));
        var header = new BlockHeader(0, parent.round() + 1, parent.height() + 1, parent.id(), qc,
                author, 0, new Payload(txs).hash(), Hash.ZERO);
        return Block.of(header, new Payload(txs));
    }

    private static BlockView view(Block b, Hash root, String... codes) {
        List<TxResult> results = new ArrayList<>();
        for (String c : codes) {
            results.add(new TxResult(c, ""));
        }
        List<Hash> hashes = b.payload().txs().stream().map(t -> Hash.of(t.unsafeArray())).toList();
        return new BlockView(b, hashes, Optional.of(new BlockView.Execution(results, root)));
    }

    @Test
    void aGoodHistoryPasses() {
        Block b1 = block(GENESIS, List.of(A), 0);
        Block b2 = block(b1, List.of(B, A), 1); // A again: marked duplicate, not applied
        var chain = List.of(view(b1, Hash.of(new byte[] {9}), "ok"), view(b2, Hash.of(new byte[] {8}), "ok", "duplicate"));
        assertEquals(List.of(), TxHistory.violations(List.of(chain, chain), Set.of(hash(A), hash(B))));
    }

    @Test
    void findsATransactionAppliedTwice() {
        Block b1 = block(GENESIS, List.of(A), 0);
        Block b2 = block(b1, List.of(A), 1);
        var chain = List.of(view(b1, Hash.ZERO, "ok"), view(b2, Hash.ZERO, "ok"));
        var v = TxHistory.violations(List.of(chain), Set.of(hash(A)));
        assertTrue(v.size() == 1 && v.get(0).contains("applied twice"), v.toString());
    }

    @Test
    void findsALostTransaction() {
        Block b1 = block(GENESIS, List.of(A), 0);
        var v = TxHistory.violations(List.of(List.of(view(b1, Hash.ZERO, "ok"))), Set.of(hash(A), hash(B)));
        assertTrue(v.size() == 1 && v.get(0).contains("lost"), v.toString());
    }

    @Test
    void findsDivergentBlocksAndDivergentExecution() {
        Block b1 = block(GENESIS, List.of(A), 0);
        Block other = block(GENESIS, List.of(B), 0);
        var forked = TxHistory.violations(List.of(List.of(view(b1, Hash.ZERO, "ok")), List.of(view(other, Hash.ZERO, "ok"))),
                Set.of());
        assertTrue(forked.stream().anyMatch(s -> s.contains("disagree")), forked.toString());
        var diverged = TxHistory.violations(List.of(List.of(view(b1, Hash.ZERO, "ok")),
                List.of(view(b1, Hash.of(new byte[] {7}), "ok"))), Set.of());
        assertTrue(diverged.stream().anyMatch(s -> s.contains("differently")), diverged.toString());
    }

    private static Hash hash(Bytes tx) {
        return Hash.of(tx.unsafeArray());
    }
}
