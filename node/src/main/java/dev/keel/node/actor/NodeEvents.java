package dev.keel.node.actor;

import dev.keel.consensus.core.Evidence;
import dev.keel.consensus.core.RoundProgress;
import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.verify.Rejection;
import java.util.List;

/** What the consensus actor reports, for metrics, /status and logs. Called on the actor's thread. */
public interface NodeEvents {
    void onCommit(List<Block> blocks);

    void onRejected(Rejection reason);

    /** The core proved a validator's key signed two conflicting statements. */
    void onEvidence(Evidence evidence);

    /** After every step: where the replica stands now. */
    void onProgress(RoundProgress progress, QuorumCert highQc, SafetyRecord safety, Block head);

    /** The node stopped voting and will not resume without a restart (e.g. disk full). */
    void onHalt(String reason);

    void onTimeoutSigned(long round);

    void onVoteReceived(int validator);

    /** Wall time of one storage write, for the storage latency metric. */
    void onStorageWrite(long nanos);
}
