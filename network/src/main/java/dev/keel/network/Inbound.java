package dev.keel.network;

import dev.keel.consensus.message.Message;

/**
 * Where the transport hands what it received. Messages are decoded and come from an
 * authenticated peer, but are NOT verified: the consensus edge (MessageGate) does that.
 * Called from transport threads; implementations must be quick and thread-safe (e.g. tell
 * an actor).
 */
public interface Inbound {
    void onMessage(int fromValidator, Message message);

    /** A peer sent something undecodable, oversized or unauthenticated: counted, the link is dropped. */
    default void onRejected(int fromValidator, String reason) {
    }
}
