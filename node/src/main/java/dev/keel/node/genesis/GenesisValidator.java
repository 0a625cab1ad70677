package dev.keel.node.genesis;

import dev.keel.consensus.types.PublicKey;
import dev.keel.node.config.Endpoint;

/**
 * One validator of the genesis set.
 *
 * @param index        its position: validators are named by index everywhere in the protocol
 * @param consensusKey verifies its votes, proposals and timeouts
 * @param networkKey   what its transport handshake must prove
 * @param p2p          where other validators reach it
 * @param http         where its HTTP API is served (for clients, the testnet and monitoring)
 */
public record GenesisValidator(int index, PublicKey consensusKey, PublicKey networkKey, Endpoint p2p, Endpoint http) {
    public GenesisValidator {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (consensusKey.equals(networkKey)) {
            throw new IllegalArgumentException("consensus_key and network_key must differ");
        }
    }
}
