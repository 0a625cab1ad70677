package dev.keel.node.keys;

import dev.keel.consensus.crypto.KeyPair;

/** A validator's two key pairs, as held in its key directory. */
public record ValidatorKeys(KeyPair consensus, KeyPair network) {
    public ValidatorKeys {
        if (consensus.publicKey().equals(network.publicKey())) {
            // One key for both purposes would let a transport handshake stand in for a vote signature.
            throw new IllegalArgumentException("the consensus and network keys must differ");
        }
    }

    public KeyPair get(KeyPurpose purpose) {
        return switch (purpose) {
            case CONSENSUS -> consensus;
            case NETWORK -> network;
        };
    }
}
