package dev.keel.network.handshake;

import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.crypto.SignatureScheme;
import dev.keel.consensus.types.PublicKey;
import dev.keel.network.NetworkSettings;
import java.util.List;

/**
 * What this node knows before any connection: which chain, who it is, its long-term network
 * key, and the network key pinned for every validator index by the genesis file.
 */
public record HandshakeContext(String chainId, int self, KeyPair networkKeys, List<PublicKey> pinned,
                               SignatureScheme scheme) {
    public HandshakeContext {
        pinned = List.copyOf(pinned);
        if (self < 0 || self >= pinned.size() || !pinned.get(self).equals(networkKeys.publicKey())) {
            throw new IllegalArgumentException("self " + self + " is not pinned to this node's network key");
        }
    }

    public static HandshakeContext of(NetworkSettings s) {
        return new HandshakeContext(s.chainId(), s.self(), s.networkKeys(), s.pinnedKeys(), new Ed25519());
    }
}
