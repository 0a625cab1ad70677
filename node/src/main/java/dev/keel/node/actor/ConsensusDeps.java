package dev.keel.node.actor;

import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.verify.CertificateVerifier;
import dev.keel.network.Transport;
import dev.keel.storage.ChainStore;

/** Everything the consensus actor drives: the replica's configuration and key, storage, the network, and who to tell. */
public record ConsensusDeps(ReplicaConfig config, Signer signer, CertificateVerifier verifier, ChainStore store,
                            Transport transport, NodeEvents events) {
}
