package dev.keel.network.handshake;

import dev.keel.network.RejectReason;

/** The peer failed the handshake; the connection is closed and the reason counted. */
public final class HandshakeException extends Exception {
    private final RejectReason reason;
    private final String detail;

    public HandshakeException(RejectReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    /** What exactly was wrong, without the reason. */
    public String detail() {
        return detail;
    }

    public RejectReason reason() {
        return reason;
    }
}
