package dev.keel.node.http;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.VoteData;
import dev.keel.node.chain.BlockView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chain of structurally valid blocks for API tests (certificates carry no signatures: nothing
 * here verifies them). Block h has round h + 1, so a test that mixes up round and height fails;
 * it holds {@code h % 3} transactions "tx-h-i", and its execution results alternate ok / bad_nonce.
 */
final class TestBlocks {
    static final int VALIDATORS = 4;
    static final Block GENESIS = Block.genesis(new ChainContext("keel-test", 0), VALIDATORS);

    private TestBlocks() {
    }

    /** Blocks 1..n. */
    static List<BlockView> chain(int n) {
        List<BlockView> out = new ArrayList<>();
        Block prev = GENESIS;
        for (int h = 1; h <= n; h++) {
            BlockView v = child(prev, h % 3, true);
            out.add(v);
            prev = v.block();
        }
        return out;
    }

    /** The block after {@code parent} with {@code txs} transactions, executed or not. */
    static BlockView child(Block parent, int txs, boolean executed) {
        long h = parent.height() + 1;
        QuorumCert qc = parent.height() == 0 ? QuorumCert.genesis(parent.id(), VALIDATORS)
                : new QuorumCert(new VoteData(parent.id(), parent.round(), parent.height(), parent.parentId(),
                        parent.qc().round()), SignerBitmap.of(VALIDATORS, List.of()), List.of());
        List<Bytes> list = new ArrayList<>();
        for (int i = 0; i < txs; i++) {
            list.add(tx("tx-" + h + "-" + i));
        }
        Payload payload = new Payload(list);
        BlockHeader header = new BlockHeader(0, h + 1, h, parent.id(), qc, (int) (h % VALIDATORS),
                1_700_000_000_000L + h * 1000, payload.hash(), Hash.ZERO);
        Block block = Block.of(header, payload);
        List<TxResult> results = new ArrayList<>();
        for (int i = 0; i < txs; i++) {
            results.add(i % 2 == 0 ? TxResult.ok() : TxResult.rejected("bad_nonce", "nonce 3, expected 2"));
        }
        Optional<BlockView.Execution> execution = executed
                ? Optional.of(new BlockView.Execution(results, Hash.of(("root-" + h).getBytes(StandardCharsets.UTF_8))))
                : Optional.empty();
        return new BlockView(block, list.stream().map(TestBlocks::hash).toList(), execution);
    }

    static Bytes tx(String text) {
        return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What the fake mempool calls a transaction's hash. */
    static Hash hash(Bytes tx) {
        return Hash.of(tx.toArray());
    }
}
