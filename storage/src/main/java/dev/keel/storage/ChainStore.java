package dev.keel.storage;

import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.port.BlockStore;
import dev.keel.consensus.port.SafetyStore;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import java.util.List;
import java.util.Optional;

/**
 * A validator's durable state: the replica's persistence ports plus the lookups the node
 * and the block-sync server need, and checkpoint records.
 *
 * <p><b>Crash semantics</b> (identical for every implementation, pinned by the contract
 * test suite): each write method ({@code saveSafety}, {@code saveBlock}, {@code saveQc},
 * {@code saveTc}, {@code commit}, {@code saveCheckpoint}) is one atomic transaction that
 * is durable (synced) when it returns; a crash keeps every completed call and nothing of
 * an interrupted one. A write that throws has changed nothing. {@link #recover()} returns
 * exactly what completed calls persisted.
 *
 * <p><b>Write rules</b>: {@code saveBlock} is idempotent and records the block as pending
 * (in first-save order) unless it is already stored; {@code saveQc} and {@code saveTc}
 * replace the highest QC / TC only with a higher round; {@code commit} must extend the
 * committed head (next height, parent = head) or it throws {@link IllegalStateException}
 * — a broken invariant, not bad input — and it drops pending blocks at or below the new
 * head. The transaction index keeps the first location of a transaction hash.
 *
 * <p>Failures are {@link StorageException}s (I/O, full disk, corruption); after one the
 * caller must not send anything that depended on the failed write. After a DISK_FULL or
 * IO_FAILURE the LMDB store refuses every later write until it is reopened (fail-stop).
 */
public interface ChainStore extends SafetyStore, BlockStore, CheckpointStore, AutoCloseable {
    /** Everything a replica needs to restart, exactly as persisted; genesis values when empty. */
    RecoveredState recover();

    /** Any stored block, committed or pending; empty if unknown or its body was pruned. */
    Optional<Block> blockByHash(Hash id);

    /**
     * A committed block by height; empty above the head, and empty below
     * {@link #oldestBodyHeight()} when pruning dropped the body (use {@link #headerByHeight}).
     */
    Optional<Block> blockByHeight(long height);

    /** The header of a committed block by height; headers are never pruned. */
    default Optional<BlockHeader> headerByHeight(long height) {
        return blockByHeight(height).map(Block::header);
    }

    /** Lowest committed height whose body is still stored: 0 unless pruning is on. */
    default long oldestBodyHeight() {
        return 0;
    }

    /**
     * A QC certifying block {@code blockId}, if one was saved with {@code saveQc} or proved a
     * commit (the first one stored wins); genesis is certified by its genesis QC.
     */
    Optional<QuorumCert> qcFor(Hash blockId);

    /** Height of the committed head (0 = only genesis). */
    long committedHeight();

    /** Where a committed transaction is, by its hash (SHA-256 of its bytes); survives pruning. */
    Optional<TxLocation> findTx(Hash txHash);

    /**
     * Block {@code id} and its ancestors, newest first, at most {@code count}, stopping
     * before height {@code stopAboveHeight} or at the first pruned body: the answer to a
     * peer's block request.
     */
    default List<Block> ancestors(Hash id, int count, long stopAboveHeight) {
        List<Block> out = new java.util.ArrayList<>();
        Optional<Block> cur = blockByHash(id);
        while (cur.isPresent() && out.size() < count && cur.get().height() > stopAboveHeight) {
            out.add(cur.get());
            cur = blockByHash(cur.get().parentId());
        }
        return out;
    }

    /**
     * The QCs, TCs, safety record, blocks and commits one replica step persists, as ONE atomic,
     * synced write — the same effect as the single calls in this order (QCs, TCs, safety,
     * blocks, commits), for one sync instead of up to five before a vote leaves.
     */
    default void saveAll(List<QuorumCert> qcs, List<dev.keel.consensus.types.TimeoutCert> tcs,
                         Optional<dev.keel.consensus.safety.SafetyRecord> safety, List<Block> blocks,
                         List<dev.keel.consensus.core.Commit> commits) {
        qcs.forEach(this::saveQc);
        tcs.forEach(this::saveTc);
        safety.ifPresent(this::saveSafety);
        blocks.forEach(this::saveBlock);
        commits.forEach(this::commit);
    }

    /** Releases the store (and, for LMDB, the directory lock). Idempotent. */
    @Override
    void close();
}
