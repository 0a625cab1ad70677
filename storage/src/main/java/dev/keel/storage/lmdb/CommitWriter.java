package dev.keel.storage.lmdb;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.TxLocation;
import dev.keel.storage.codec.CorruptDataException;
import dev.keel.storage.codec.StorageCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lmdbjava.Cursor;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/**
 * The block-side writes, each run inside the caller's one write transaction: storing a
 * block, the pending list, and a commit with its indexes (height, transactions, proof QC),
 * pending clean-up and pruning. Keeping a commit in one transaction is what makes "the
 * block is committed" and "it can be found by height and its transactions by hash" the
 * same fact after any crash.
 */
final class CommitWriter {
    /**
     * Bodies dropped per commit at most, so turning pruning on for a large directory spreads
     * the deletions over many commits instead of stalling one.
     */
    static final int MAX_PRUNED_PER_COMMIT = 1024;

    private final Tables t;
    private final long retainBlocks;

    CommitWriter(Tables tables, long retainBlocks) {
        this.t = tables;
        this.retainBlocks = retainBlocks;
    }

    /** Stores header and payload unless the block is known; true if it was new. */
    boolean putBlockIfAbsent(Txn<byte[]> txn, Block b) {
        byte[] id = b.id().bytes().toArray();
        if (t.headers().get(txn, id) != null) {
            return false;
        }
        t.headers().put(txn, id, StorageCodec.encodeHeader(b.header()));
        t.payloads().put(txn, id, StorageCodec.encodePayload(b.payload()));
        return true;
    }

    /** Adds a newly stored block to the pending list, after every earlier one (recovery order). */
    void appendPending(Txn<byte[]> txn, Block b) {
        long next = 0;
        try (Cursor<byte[]> c = t.pending().openCursor(txn)) {
            if (c.last()) {
                next = Keys.readU64(c.key(), 0) + 1;
            }
        }
        byte[] v = new byte[8 + Hash.LENGTH];
        System.arraycopy(Keys.u64(b.height()), 0, v, 0, 8);
        System.arraycopy(b.id().bytes().unsafeArray(), 0, v, 8, Hash.LENGTH);
        t.pending().put(txn, Keys.u64(next), v);
    }

    void commit(Txn<byte[]> txn, Commit c) throws CorruptDataException {
        long head = headHeight(txn);
        Hash headId = idAt(txn, head);
        for (Block b : c.blocks()) {
            if (b.height() != head + 1 || !b.parentId().equals(headId)) {
                // A broken invariant, not bad input: the replica only commits what extends its head.
                throw new IllegalStateException("commit of " + b + " does not extend the head at height " + head);
            }
            head = b.height();
            headId = b.id();
        }
        for (Block b : c.blocks()) {
            putBlockIfAbsent(txn, b);
            byte[] id = b.id().bytes().toArray();
            t.heights().put(txn, Keys.u64(b.height()), id);
            List<Bytes> txs = b.payload().txs();
            for (int i = 0; i < txs.size(); i++) {
                byte[] loc = StorageCodec.encodeTxLocation(new TxLocation(b.height(), i, b.id()));
                // First location wins, as in MemoryStore: a replayed transaction keeps its original place.
                t.txs().put(txn, Hash.of(txs.get(i).unsafeArray()).bytes().unsafeArray(), loc, PutFlags.MDB_NOOVERWRITE);
            }
        }
        byte[] proof = StorageCodec.encodeQc(c.proof());
        t.state().put(txn, Tables.COMMIT_QC, proof);
        t.qcs().put(txn, c.proof().blockId().bytes().toArray(), proof, PutFlags.MDB_NOOVERWRITE);
        dropPendingUpTo(txn, head);
        if (retainBlocks > 0) {
            prune(txn, head);
        }
    }

    long headHeight(Txn<byte[]> txn) throws CorruptDataException {
        try (Cursor<byte[]> c = t.heights().openCursor(txn)) {
            if (!c.last()) {
                throw new CorruptDataException("the committed chain index is empty (genesis missing)");
            }
            return Keys.readU64(c.key(), 0);
        }
    }

    Hash idAt(Txn<byte[]> txn, long height) throws CorruptDataException {
        byte[] id = LmdbStore.required(t.heights().get(txn, Keys.u64(height)), "block id at height " + height);
        if (id.length != Hash.LENGTH) {
            throw new CorruptDataException("block id at height " + height + " has " + id.length + " bytes");
        }
        return new Hash(Bytes.wrap(id));
    }

    long oldestBody(Txn<byte[]> txn) throws CorruptDataException {
        byte[] v = LmdbStore.required(t.state().get(txn, Tables.OLDEST_BODY), "oldest body height");
        if (v.length != 8) {
            throw new CorruptDataException("oldest body height has " + v.length + " bytes");
        }
        return Keys.readU64(v, 0);
    }

    /** The block id in a {@code pending} value ({@code u64 height | id}). */
    static Hash pendingId(byte[] value) throws CorruptDataException {
        if (value.length != 8 + Hash.LENGTH) {
            throw new CorruptDataException("pending entry has " + value.length + " bytes");
        }
        return new Hash(Bytes.wrap(Arrays.copyOfRange(value, 8, value.length)));
    }

    private void dropPendingUpTo(Txn<byte[]> txn, long head) {
        List<byte[]> done = new ArrayList<>();
        try (CursorIterable<byte[]> it = t.pending().iterate(txn)) {
            for (CursorIterable.KeyVal<byte[]> kv : it) {
                if (Keys.readU64(kv.val(), 0) <= head) {
                    done.add(kv.key());
                }
            }
        }
        done.forEach(k -> t.pending().delete(txn, k));
    }

    /** Drops bodies below {@code head - retainBlocks + 1}; the head's body always stays. */
    private void prune(Txn<byte[]> txn, long head) throws CorruptDataException {
        long oldest = oldestBody(txn);
        long target = Math.min(head - retainBlocks + 1, oldest + MAX_PRUNED_PER_COMMIT);
        if (target <= oldest) {
            return;
        }
        for (long h = oldest; h < target; h++) {
            t.payloads().delete(txn, idAt(txn, h).bytes().toArray());
        }
        t.state().put(txn, Tables.OLDEST_BODY, Keys.u64(target));
    }
}
