package dev.keel.consensus.crypto;

import dev.keel.consensus.types.Bytes;

/** A 32-byte private key seed. {@link #toString()} never prints it. */
public record PrivateKey(Bytes seed) {
    public static final int LENGTH = 32;

    public PrivateKey {
        if (seed.length() != LENGTH) {
            throw new IllegalArgumentException("private key seed must be 32 bytes");
        }
    }

    @Override
    public String toString() {
        return "PrivateKey(redacted)";
    }
}
