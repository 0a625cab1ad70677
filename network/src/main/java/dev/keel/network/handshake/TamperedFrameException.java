package dev.keel.network.handshake;

/** A sealed frame failed authentication: modified, replayed, reordered, truncated or forged. */
public final class TamperedFrameException extends Exception {
    public TamperedFrameException(String detail) {
        super(detail, null, false, false);
    }
}
