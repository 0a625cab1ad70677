package dev.keel.consensus.port;

import dev.keel.consensus.core.Outbound;

/** The network, seen from the core: fire and forget, delivery is not guaranteed. */
public interface Outbox {
    void send(Outbound message);
}
