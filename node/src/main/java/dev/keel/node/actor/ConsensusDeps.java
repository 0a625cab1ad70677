package dev.keel.node.actor;

import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.verify.CertificateVerifier;
import dev.keel.network.Transport;
import dev.keel.storage.ChainStore;

/**
 * Everything the consensus actor drives: the replica's configuration and key, storage, the
 * network, the transaction side, and who to tell. {@code idleProposalWait}: how long a leader
 * with nothing to propose waits for transactions before proposing an empty block (kept well
 * under the round timeout). {@code checkpointVotes}: where peers' checkpoint signatures go.
 */
public record ConsensusDeps(ReplicaConfig config, Signer signer, CertificateVerifier verifier, ChainStore store,
                            Transport transport, NodeEvents events, TxPort txs, java.time.Duration idleProposalWait,
                            java.util.function.BiConsumer<Integer, dev.keel.consensus.message.CheckpointVote> checkpointVotes) {
}
