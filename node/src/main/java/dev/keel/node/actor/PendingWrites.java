package dev.keel.node.actor;

import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.storage.ChainStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one replica step, gathered so they reach the disk as ONE synced transaction
 * ({@link ChainStore#saveAll}) instead of one sync each: on this kind of disk a sync costs
 * milliseconds, and a replica saves a QC, a block and its safety record before each vote.
 * The actor flushes before anything leaves (a send, a commit) and at the end of the step,
 * so the driver's contract — durable before any message — still holds.
 */
final class PendingWrites {
    private final List<QuorumCert> qcs = new ArrayList<>();
    private final List<TimeoutCert> tcs = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private SafetyRecord safety;

    void qc(QuorumCert qc) {
        qcs.add(qc);
    }

    void tc(TimeoutCert tc) {
        tcs.add(tc);
    }

    void safety(SafetyRecord record) {
        safety = record; // a later record in the same step supersedes an earlier one
    }

    void block(Block b) {
        blocks.add(b);
    }

    boolean isEmpty() {
        return qcs.isEmpty() && tcs.isEmpty() && blocks.isEmpty() && safety == null;
    }

    /** Writes everything gathered (one transaction) and forgets it; throws the store's exception if it fails. */
    void flush(ChainStore store) {
        if (isEmpty()) {
            return;
        }
        try {
            store.saveAll(List.copyOf(qcs), List.copyOf(tcs), Optional.ofNullable(safety), List.copyOf(blocks));
        } finally {
            qcs.clear();
            tcs.clear();
            blocks.clear();
            safety = null;
        }
    }
}
