package dev.keel.node.checkpoint;

import dev.keel.checkpoint.anchor.Journal;
import dev.keel.checkpoint.anchor.Submission;
import dev.keel.consensus.types.Bytes;
import dev.keel.storage.CheckpointStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The submitter's journal in the node's checkpoint table, under number 0 (never a checkpoint
 * number). One synced LMDB write per L1 transaction sent.
 */
final class StoreJournal implements Journal {
    static final long KEY = 0;
    private static final Bytes EMPTY = Bytes.wrap(new byte[0]);

    private final CheckpointStore store;

    StoreJournal(CheckpointStore store) {
        this.store = store;
    }

    @Override
    public Optional<Submission> load() {
        Optional<Bytes> b = store.loadCheckpoint(KEY);
        if (b.isEmpty() || b.get().length() == 0) {
            return Optional.empty();
        }
        String[] f = new String(b.get().unsafeArray(), StandardCharsets.UTF_8).split("\\|", -1);
        if (f.length != 8) {
            throw new IllegalStateException("unreadable checkpoint submission journal (" + f.length + " fields)");
        }
        return Optional.of(new Submission(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3], new BigInteger(f[4]),
                new BigInteger(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7])));
    }

    @Override
    public void save(Submission s) {
        String text = String.join("|", Long.toString(s.number()), Long.toString(s.nonce()), s.txHash(), s.rawTx(),
                s.tip().toString(), s.maxFee().toString(), Long.toString(s.gasLimit()), Long.toString(s.sentAtMillis()));
        store.saveCheckpoint(KEY, Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void clear() {
        store.saveCheckpoint(KEY, EMPTY);
    }
}
