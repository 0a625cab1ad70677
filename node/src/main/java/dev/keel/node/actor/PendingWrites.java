package dev.keel.node.actor;

import dev.keel.consensus.core.Commit;
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
 * A step's commits are staged before the driver runs, so they join the same transaction. The
 * actor flushes before anything leaves and at the end of a step with {@link #urgent} writes,
 * so the driver's contract — durable before any message — still holds.
 */
final class PendingWrites {
    private final List<QuorumCert> qcs = new ArrayList<>();
    private final List<TimeoutCert> tcs = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<Commit> commits = new ArrayList<>();
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

    void commit(Commit c) {
        commits.add(c);
    }

    boolean isEmpty() {
        return qcs.isEmpty() && tcs.isEmpty() && blocks.isEmpty() && safety == null && commits.isEmpty();
    }

    /**
     * Whether the gathered writes must reach the disk before the step ends: a safety record or a
     * commit (execution and clients are told of commits). QCs, TCs and blocks alone may wait for
     * the next flush — losing them in a crash is safe (peers resend them) — which saves a sync
     * per round at the leader, whose vote-collecting step persists only the new QC.
     */
    boolean urgent() {
        return safety != null || !commits.isEmpty();
    }

    /** Writes everything gathered (one transaction) and forgets it; throws the store's exception if it fails. */
    void flush(ChainStore store) {
        if (isEmpty()) {
            return;
        }
        try {
            store.saveAll(List.copyOf(qcs), List.copyOf(tcs), Optional.ofNullable(safety), List.copyOf(blocks),
                    List.copyOf(commits));
        } finally {
            commits.clear();
            qcs.clear();
            tcs.clear();
            blocks.clear();
            safety = null;
        }
    }
}
