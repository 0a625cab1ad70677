package dev.keel.consensus.types;

import dev.keel.consensus.crypto.Sha256;

/** A 32-byte SHA-256 digest: block ids, payload hashes, transaction hashes. */
public record Hash(Bytes bytes) implements Comparable<Hash> {
    public static final int LENGTH = 32;
    /** The all-zero hash: the parent of genesis and "no state root yet". */
    public static final Hash ZERO = new Hash(Bytes.wrap(new byte[LENGTH]));

    public Hash {
        if (bytes.length() != LENGTH) {
            throw new IllegalArgumentException("hash must be 32 bytes, got " + bytes.length());
        }
    }

    public static Hash of(byte[] data) {
        return new Hash(Bytes.wrap(Sha256.digest(data)));
    }

    public static Hash fromHex(String hex) {
        return new Hash(Bytes.fromHex(hex));
    }

    public String toHex() {
        return bytes.toHex();
    }

    /** The first 8 hex digits: enough to tell blocks apart in logs and traces. */
    public String shortHex() {
        return bytes.toHex().substring(0, 8);
    }

    @Override
    public int compareTo(Hash o) {
        return bytes.compareTo(o.bytes);
    }

    @Override
    public String toString() {
        return shortHex();
    }
}
