package dev.keel.node.status;

/**
 * What the HTTP API and the testnet's status line read of a running node. Implementations
 * return immutable snapshots and are safe to call from any thread.
 */
public interface NodeView {
    NodeStatus status();

    /** The "why no progress" view of the current round. */
    RoundReport why();

    /** Caught up and connected to a quorum: ready to serve and to vote. */
    boolean ready();

    /** Proofs of byzantine signing this node has seen, newest last (bounded). */
    EvidenceLog.Report evidence();
}
