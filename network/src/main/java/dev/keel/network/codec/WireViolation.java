package dev.keel.network.codec;

/**
 * Raised inside serializers, which Kryo does not let throw checked exceptions; {@link WireCodec}
 * turns it into a {@link DecodeException} with the same reason. No stack trace: it is expected
 * input from a hostile peer, not a bug, and must stay cheap.
 */
final class WireViolation extends RuntimeException {
    private final DecodeException.Reason reason;

    WireViolation(DecodeException.Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    DecodeException.Reason reason() {
        return reason;
    }
}
