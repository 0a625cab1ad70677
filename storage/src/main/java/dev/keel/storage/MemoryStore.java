package dev.keel.storage;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory {@link ChainStore}, used by the simulator. It is what "survives a crash" in
 * a simulated node: the simulator keeps this object and drops the replica, which matches
 * LMDB's semantics because every method here is a complete transaction. Pending blocks are
 * kept in insertion order so recovery is deterministic.
 */
public final class MemoryStore implements ChainStore {
    private final Block genesis;
    private final Map<Hash, Block> blocks = new HashMap<>();
    private final List<Hash> pendingOrder = new ArrayList<>();
    private final List<Hash> committed = new ArrayList<>();
    private final Map<Hash, TxLocation> txs = new HashMap<>();
    private final Map<Long, Bytes> checkpoints = new HashMap<>();
    private final Map<Hash, QuorumCert> qcs = new HashMap<>();
    private SafetyRecord safety = SafetyRecord.INITIAL;
    private QuorumCert highQc;
    private QuorumCert commitQc;
    private TimeoutCert highTc;
    private long writes;

    public MemoryStore(Block genesis) {
        this.genesis = genesis;
        blocks.put(genesis.id(), genesis);
        committed.add(genesis.id());
        highQc = QuorumCert.genesis(genesis.id(), genesis.qc().signers().size());
        commitQc = highQc;
        if (highQc != null) {
            qcs.put(genesis.id(), highQc);
        }
    }

    @Override
    public void saveSafety(SafetyRecord record) {
        writes++;
        safety = record;
    }

    @Override
    public void saveBlock(Block block) {
        writes++;
        if (blocks.putIfAbsent(block.id(), block) == null) {
            pendingOrder.add(block.id());
        }
    }

    @Override
    public void saveQc(QuorumCert qc) {
        writes++;
        qcs.putIfAbsent(qc.blockId(), qc);
        if (qc.round() > highQc.round()) {
            highQc = qc;
        }
    }

    @Override
    public void saveTc(TimeoutCert tc) {
        writes++;
        if (highTc == null || tc.round() > highTc.round()) {
            highTc = tc;
        }
    }

    @Override
    public void commit(Commit c) {
        writes++;
        checkExtendsHead(c);
        for (Block b : c.blocks()) {
            blocks.putIfAbsent(b.id(), b);
            committed.add(b.id());
            List<Bytes> list = b.payload().txs();
            for (int i = 0; i < list.size(); i++) {
                txs.putIfAbsent(Hash.of(list.get(i).unsafeArray()), new TxLocation(b.height(), i, b.id()));
            }
        }
        commitQc = c.proof();
        qcs.putIfAbsent(c.proof().blockId(), c.proof());
        long head = committed.size() - 1;
        pendingOrder.removeIf(id -> blocks.get(id).height() <= head);
    }

    /** Checked before any change so a refused commit leaves the store as it was (atomicity). */
    private void checkExtendsHead(Commit c) {
        Hash head = committed.get(committed.size() - 1);
        long height = committed.size() - 1;
        for (Block b : c.blocks()) {
            if (b.height() != height + 1 || !b.parentId().equals(head)) {
                throw new IllegalStateException("commit of " + b + " does not extend the head at height " + height);
            }
            head = b.id();
            height++;
        }
    }

    @Override
    public void saveCheckpoint(long number, Bytes record) {
        writes++;
        checkpoints.put(number, record);
    }

    @Override
    public Optional<Bytes> loadCheckpoint(long number) {
        return Optional.ofNullable(checkpoints.get(number));
    }

    @Override
    public RecoveredState recover() {
        List<Block> pending = new ArrayList<>();
        pendingOrder.forEach(id -> pending.add(blocks.get(id)));
        return new RecoveredState(safety, blockByHeight(committed.size() - 1).orElseThrow(), commitQc, pending, highQc, Optional.ofNullable(highTc));
    }

    @Override
    public Optional<Block> blockByHash(Hash id) {
        return Optional.ofNullable(blocks.get(id));
    }

    @Override
    public Optional<Block> blockByHeight(long height) {
        return height < 0 || height >= committed.size() ? Optional.empty() : Optional.of(blocks.get(committed.get((int) height)));
    }

    @Override
    public Optional<QuorumCert> qcFor(Hash blockId) {
        return Optional.ofNullable(qcs.get(blockId));
    }

    @Override
    public long committedHeight() {
        return committed.size() - 1;
    }

    @Override
    public Optional<TxLocation> findTx(Hash txHash) {
        return Optional.ofNullable(txs.get(txHash));
    }

    /** Write transactions so far: lets the simulator crash between any two of them. */
    public long writes() {
        return writes;
    }

    public Block genesis() {
        return genesis;
    }

    @Override
    public void close() {
    }
}
