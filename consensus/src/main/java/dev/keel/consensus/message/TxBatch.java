package dev.keel.consensus.message;

import dev.keel.consensus.types.Bytes;
import java.util.List;

/**
 * Client transactions one validator forwards to the others, so that whichever validator leads
 * next can propose them. Not part of the consensus protocol: unsigned (the link is
 * authenticated; each transaction is checked by the receiver's application like a client's),
 * round-less, routed by the shell to the mempool.
 */
public record TxBatch(List<Bytes> txs) implements Message {
    public static final int MAX_TXS = 10_000;

    public TxBatch {
        txs = List.copyOf(txs);
        if (txs.isEmpty() || txs.size() > MAX_TXS) {
            throw new IllegalArgumentException("a tx batch holds 1.." + MAX_TXS + " transactions, got " + txs.size());
        }
    }

    @Override
    public long round() {
        return 0;
    }
}
