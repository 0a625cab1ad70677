package dev.keel.consensus.types;

/** A 64-byte signature (Ed25519 in production: R || S). */
public record Signature(Bytes bytes) {
    public static final int LENGTH = 64;

    public Signature {
        if (bytes.length() != LENGTH) {
            throw new IllegalArgumentException("signature must be 64 bytes, got " + bytes.length());
        }
    }

    @Override
    public String toString() {
        return bytes.toHex().substring(0, 8);
    }
}
