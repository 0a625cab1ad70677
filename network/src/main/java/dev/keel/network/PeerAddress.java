package dev.keel.network;

import dev.keel.consensus.types.PublicKey;

/** Where validator {@code index} listens, and the network key its handshake must prove. */
public record PeerAddress(int index, String host, int port, PublicKey networkKey) {
    public PeerAddress {
        if (index < 0 || port < 1 || port > 65535 || host.isBlank()) {
            throw new IllegalArgumentException("bad peer address " + index + " " + host + ":" + port);
        }
    }
}
