package dev.keel.node.http;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.node.chain.BlockView;
import dev.keel.node.checkpoint.Finality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finalized block as JSON. {@code state_root} and {@code results} are null until this node has
 * executed the block; {@code txs} (the transactions themselves, hex) only when asked for, since they
 * can be megabytes while everything else is a few hundred bytes. {@code finality} is how final the
 * block is now: committed, or also anchored to / settled on the L1 by a checkpoint.
 */
final class BlockJson {
    private BlockJson() {
    }

    static Map<String, Object> of(BlockView view, boolean withTxs, Finality finality) {
        Block b = view.block();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", b.height());
        m.put("round", b.round());
        m.put("hash", b.id().toHex());
        m.put("parent_hash", b.parentId().toHex());
        m.put("proposer", b.author());
        m.put("timestamp_ms", b.header().timestampMillis());
        m.put("tx_count", b.payload().txs().size());
        m.put("payload_bytes", b.payload().byteSize());
        m.put("tx_hashes", view.txHashes().stream().map(Hash::toHex).toList());
        m.put("state_root", view.execution().map(e -> e.stateRoot().toHex()).orElse(null));
        m.put("results", view.execution().map(e -> (Object) e.results()).orElse(null));
        m.put("finality", finality.label());
        if (withTxs) {
            List<String> txs = b.payload().txs().stream().map(Bytes::toHex).toList();
            m.put("txs", txs);
        }
        return m;
    }
}
