package dev.keel.consensus.types;

/** A validator's 32-byte consensus public key (Ed25519 in production). */
public record PublicKey(Bytes bytes) {
    public static final int LENGTH = 32;

    public PublicKey {
        if (bytes.length() != LENGTH) {
            throw new IllegalArgumentException("public key must be 32 bytes, got " + bytes.length());
        }
    }

    @Override
    public String toString() {
        return bytes.toHex().substring(0, 8);
    }
}
