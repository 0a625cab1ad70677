package dev.keel.network.codec;

/**
 * A frame from a peer is not a valid message. The only exception {@link WireCodec#decode}
 * throws, whatever the bytes: the caller counts it, rejects the peer's link, and goes on.
 */
public final class DecodeException extends Exception {
    /** What was wrong, coarse enough to count in metrics. */
    public enum Reason {
        /** The bytes end before the message does. */
        TRUNCATED,
        /** Bytes left over after a complete message. */
        TRAILING_BYTES,
        /** The type tag is not a registered message type. */
        UNKNOWN_TYPE,
        /** A length or count above a protocol maximum (checked before allocating). */
        OVER_LIMIT,
        /** Well-formed bytes, but a value a record's invariants reject (e.g. a QC with the wrong signature count). */
        INVALID_VALUE,
        /** Anything else the decoder could not make sense of. */
        MALFORMED
    }

    private final Reason reason;

    public DecodeException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
