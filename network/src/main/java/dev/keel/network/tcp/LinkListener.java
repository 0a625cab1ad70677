package dev.keel.network.tcp;

import dev.keel.network.RejectReason;

/**
 * What one connection's {@link SecureLinkStage} reports to the transport. Called from the stage,
 * one call at a time; implementations only update counters and registries, quickly.
 */
interface LinkListener {
    /** The stage started; {@code control} closes it from any thread. */
    void onOpen(LinkControl control);

    /** The handshake verified: the other side is validator {@code peer}. */
    void onEstablished(int peer);

    /** A sealed frame of {@code wireBytes} (prefix included) left. */
    void onFrameSent(int wireBytes);

    /** An authenticated frame of {@code wireBytes} (prefix included) arrived. */
    void onFrameReceived(int wireBytes);

    /** The peer broke the protocol; the stage closes right after. */
    void onRejected(RejectReason reason, String detail);

    /** The connection is gone, whatever the cause. Called exactly once. */
    void onClosed();
}
