package dev.keel.network;

import dev.keel.consensus.message.Message;

/**
 * Where the transport hands what it received. Messages are decoded and come from an
 * authenticated peer ({@code fromValidator} is the index whose pinned network key completed the
 * handshake, not whatever the message claims), but are NOT verified: the consensus edge
 * (MessageGate) does that. Called from transport threads, possibly several at once (one per
 * peer link); implementations must be quick and thread-safe (e.g. tell an actor). An exception
 * thrown here is logged and does not affect the link.
 */
public interface Inbound {
    void onMessage(int fromValidator, Message message);

    /**
     * A peer sent something undecodable, oversized, forged or unauthenticated: counted, the link is
     * dropped. {@code fromValidator} is -1 when the connection never authenticated (whatever index
     * it claimed); {@code reason} starts with the {@link RejectReason} name.
     */
    default void onRejected(int fromValidator, String reason) {
    }
}
