package dev.keel.consensus.types;

import dev.keel.consensus.codec.Canonical;
import java.util.List;

/** The ordered transactions of a block. Opaque to consensus; the application interprets them. */
public record Payload(List<Bytes> txs) {
    public static final Payload EMPTY = new Payload(List.of());

    public Payload {
        txs = List.copyOf(txs);
    }

    public Hash hash() {
        return Hash.of(Canonical.encode(this));
    }

    /**
     * Each transaction's hash, in order: SHA-256 of its bytes, the id clients, the mempool and the
     * transaction index all use.
     */
    public List<Hash> txHashes() {
        List<Hash> out = new java.util.ArrayList<>(txs.size());
        for (Bytes tx : txs) {
            out.add(Hash.of(tx.unsafeArray()));
        }
        return out;
    }

    public long byteSize() {
        long total = 0;
        for (Bytes tx : txs) {
            total += tx.length();
        }
        return total;
    }
}
