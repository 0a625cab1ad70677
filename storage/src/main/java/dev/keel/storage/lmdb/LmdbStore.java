package dev.keel.storage.lmdb;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.storage.ChainStore;
import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import dev.keel.storage.TxLocation;
import dev.keel.storage.codec.CorruptDataException;
import dev.keel.storage.codec.StorageCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Stat;
import org.lmdbjava.Txn;

/**
 * The production {@link ChainStore} on LMDB. Open it with
 * {@code LmdbStore.open(LmdbConfig.of(dir, chainId, validatorKey), genesis)}; it holds the
 * directory's lock until {@link #close()}.
 *
 * <p>Every write method is exactly one LMDB write transaction, synced before it returns
 * (LMDB's default durability; the environment is never opened with a no-sync flag), so the
 * crash contract of {@link ChainStore} holds: a SIGKILL keeps every write that returned and
 * nothing of the one in flight. In particular {@link #saveSafety} has reached the disk
 * before the driver lets a vote or timeout leave.
 *
 * <p>Pruning ({@link LmdbConfig#retainBlocks()} &gt; 0) drops old committed block bodies
 * inside the commit transaction; headers, QCs and the transaction index stay, and
 * {@link #blockByHeight} / {@link #blockByHash} answer empty for a pruned body while
 * {@link #headerByHeight} still answers. {@link #oldestBodyHeight()} says where bodies start.
 */
public final class LmdbStore implements ChainStore {
    private final LmdbConfig cfg;
    private final Block genesis;
    private final Transactions tx;
    private final Tables t;
    private final DirectoryLock lock;
    private final CommitWriter commits;

    LmdbStore(LmdbConfig cfg, Block genesis, Transactions tx, Tables tables, DirectoryLock lock) {
        this.cfg = cfg;
        this.genesis = genesis;
        this.tx = tx;
        this.t = tables;
        this.lock = lock;
        this.commits = new CommitWriter(tables, cfg.retainBlocks());
    }

    /**
     * Opens (or, if the directory is missing or empty, initializes) the data directory of
     * validator {@code cfg.validatorKey()} on chain {@code cfg.chainId()} starting at {@code genesis}.
     *
     * @throws StorageException with a {@link Problem#refusesOpen() refusal} code if the directory
     *                          is not this validator's (nothing in it is modified then), or
     *                          DISK_FULL / IO_FAILURE if initializing it fails
     */
    public static LmdbStore open(LmdbConfig cfg, Block genesis) {
        return Opener.open(cfg, genesis);
    }

    // ---- writes: one transaction each ----

    @Override
    public void saveSafety(SafetyRecord record) {
        tx.write(txn -> putSafety(txn, record));
    }

    @Override
    public void saveBlock(Block block) {
        tx.write(txn -> putBlock(txn, block));
    }

    @Override
    public void saveQc(QuorumCert qc) {
        tx.write(txn -> putQc(txn, qc));
    }

    @Override
    public void saveTc(TimeoutCert tc) {
        tx.write(txn -> putTc(txn, tc));
    }

    /** One transaction, one sync, for what a step persists before it sends (see {@link ChainStore#saveAll}). */
    @Override
    public void saveAll(List<QuorumCert> qcs, List<TimeoutCert> tcs, Optional<SafetyRecord> safety, List<Block> blocks,
                        List<Commit> commitList) {
        if (qcs.isEmpty() && tcs.isEmpty() && safety.isEmpty() && blocks.isEmpty() && commitList.isEmpty()) {
            return;
        }
        tx.write(txn -> {
            for (QuorumCert qc : qcs) {
                putQc(txn, qc);
            }
            for (TimeoutCert tc : tcs) {
                putTc(txn, tc);
            }
            if (safety.isPresent()) {
                putSafety(txn, safety.get());
            }
            for (Block b : blocks) {
                putBlock(txn, b);
            }
            for (Commit c : commitList) {
                commits.commit(txn, c);
            }
            return null;
        });
    }

    private Object putSafety(Txn<byte[]> txn, SafetyRecord record) {
        t.safety().put(txn, Tables.SAFETY_RECORD, StorageCodec.encodeSafety(record));
        return null;
    }

    private Object putBlock(Txn<byte[]> txn, Block block) {
        if (commits.putBlockIfAbsent(txn, block)) {
            commits.appendPending(txn, block);
        }
        return null;
    }

    private Object putQc(Txn<byte[]> txn, QuorumCert qc) throws CorruptDataException {
        byte[] value = StorageCodec.encodeQc(qc);
        t.qcs().put(txn, qc.blockId().bytes().toArray(), value, org.lmdbjava.PutFlags.MDB_NOOVERWRITE);
        QuorumCert high = StorageCodec.decodeQc(required(t.state().get(txn, Tables.HIGH_QC), "highest QC"));
        if (qc.round() > high.round()) {
            t.state().put(txn, Tables.HIGH_QC, value);
        }
        return null;
    }

    private Object putTc(Txn<byte[]> txn, TimeoutCert tc) throws CorruptDataException {
        byte[] current = t.state().get(txn, Tables.HIGH_TC);
        if (current == null || tc.round() > StorageCodec.decodeTc(current).round()) {
            t.state().put(txn, Tables.HIGH_TC, StorageCodec.encodeTc(tc));
        }
        return null;
    }

    @Override
    public void commit(Commit c) {
        tx.write(txn -> {
            commits.commit(txn, c);
            return null;
        });
    }

    @Override
    public void saveCheckpoint(long number, Bytes record) {
        byte[] value = StorageCodec.encodeCheckpoint(record);
        tx.write(txn -> t.checkpoints().put(txn, Keys.u64(number), value));
    }

    // ---- reads ----

    @Override
    public RecoveredState recover() {
        return tx.read(txn -> {
            byte[] s = t.safety().get(txn, Tables.SAFETY_RECORD);
            SafetyRecord safety = s == null ? SafetyRecord.INITIAL : StorageCodec.decodeSafety(s);
            long head = commits.headHeight(txn);
            Block headBlock = block(txn, commits.idAt(txn, head))
                    .orElseThrow(() -> new CorruptDataException("committed head " + head + " has no body"));
            QuorumCert commitQc = StorageCodec.decodeQc(required(t.state().get(txn, Tables.COMMIT_QC), "commit QC"));
            QuorumCert highQc = StorageCodec.decodeQc(required(t.state().get(txn, Tables.HIGH_QC), "highest QC"));
            List<Block> pending = new ArrayList<>();
            try (CursorIterable<byte[]> it = t.pending().iterate(txn)) {
                for (CursorIterable.KeyVal<byte[]> kv : it) {
                    Hash id = CommitWriter.pendingId(kv.val());
                    pending.add(block(txn, id).orElseThrow(() -> new CorruptDataException("pending block " + id + " missing")));
                }
            }
            byte[] tc = t.state().get(txn, Tables.HIGH_TC);
            Optional<TimeoutCert> highTc = tc == null ? Optional.empty() : Optional.of(StorageCodec.decodeTc(tc));
            return new RecoveredState(safety, headBlock, commitQc, pending, highQc, highTc);
        });
    }

    @Override
    public Optional<Block> blockByHash(Hash id) {
        return tx.read(txn -> block(txn, id));
    }

    @Override
    public Optional<Block> blockByHeight(long height) {
        return tx.read(txn -> {
            byte[] id = height < 0 ? null : t.heights().get(txn, Keys.u64(height));
            return id == null ? Optional.empty() : block(txn, new Hash(Bytes.wrap(id)));
        });
    }

    @Override
    public Optional<BlockHeader> headerByHeight(long height) {
        return tx.read(txn -> {
            byte[] id = height < 0 ? null : t.heights().get(txn, Keys.u64(height));
            if (id == null) {
                return Optional.empty();
            }
            return Optional.of(StorageCodec.decodeHeader(required(t.headers().get(txn, id), "header at height " + height)));
        });
    }

    @Override
    public long oldestBodyHeight() {
        return tx.read(commits::oldestBody);
    }

    @Override
    public long committedHeight() {
        return tx.read(commits::headHeight);
    }

    @Override
    public Optional<TxLocation> findTx(Hash txHash) {
        return tx.read(txn -> {
            byte[] v = t.txs().get(txn, txHash.bytes().unsafeArray());
            return v == null ? Optional.empty() : Optional.of(StorageCodec.decodeTxLocation(v));
        });
    }

    @Override
    public Optional<QuorumCert> qcFor(Hash blockId) {
        return tx.read(txn -> {
            byte[] v = t.qcs().get(txn, blockId.bytes().unsafeArray());
            return v == null ? Optional.empty() : Optional.of(StorageCodec.decodeQc(v));
        });
    }

    @Override
    public Optional<Bytes> loadCheckpoint(long number) {
        return tx.read(txn -> {
            byte[] v = t.checkpoints().get(txn, Keys.u64(number));
            return v == null ? Optional.empty() : Optional.of(StorageCodec.decodeCheckpoint(v));
        });
    }

    // ---- operations ----

    /** The genesis block this directory was opened with. */
    public Block genesis() {
        return genesis;
    }

    public Path directory() {
        return cfg.directory();
    }

    /** Current LMDB map size in bytes (grows by doubling when a write fills it). */
    public long mapSize() {
        return tx.mapSize();
    }

    /** File size, live data size, map size and head height, read in one transaction. */
    public LmdbStats stats() {
        return tx.read(txn -> {
            long live = 0;
            for (var dbi : t.all()) {
                Stat st = dbi.stat(txn);
                live += (st.branchPages + st.leafPages + st.overflowPages) * st.pageSize;
            }
            long file;
            try {
                file = Files.size(cfg.directory().resolve(DataFile.FILE_NAME));
            } catch (IOException e) {
                throw new StorageException(Problem.IO_FAILURE, cfg.directory(), "cannot stat data.mdb: " + e, e);
            }
            return new LmdbStats(file, live, tx.mapSize(), commits.headHeight(txn));
        });
    }

    /** Closes the environment and releases the directory lock. Idempotent. */
    @Override
    public void close() {
        tx.close();
        lock.close();
    }

    private Optional<Block> block(Txn<byte[]> txn, Hash id) throws CorruptDataException {
        byte[] key = id.bytes().unsafeArray();
        byte[] header = t.headers().get(txn, key);
        byte[] payload = header == null ? null : t.payloads().get(txn, key);
        return payload == null ? Optional.empty() : Optional.of(StorageCodec.decodeBlock(id, header, payload));
    }

    static byte[] required(byte[] value, String what) throws CorruptDataException {
        if (value == null) {
            throw new CorruptDataException(what + " is missing");
        }
        return value;
    }
}
