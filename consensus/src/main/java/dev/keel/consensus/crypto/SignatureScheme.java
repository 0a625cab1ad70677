package dev.keel.consensus.crypto;

import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;

/**
 * A signature scheme. Production uses {@link Ed25519}; the simulator may plug in a cheaper
 * scheme with the same unforgeability model so that thousands of seeds run in seconds.
 *
 * <p>Contract: {@link #verify} never throws on any input bytes; it answers false.
 */
public interface SignatureScheme {
    String name();

    /** Derives a key pair deterministically from a 32-byte seed. */
    KeyPair keyPair(byte[] seed32);

    Signature sign(PrivateKey key, byte[] message);

    boolean verify(PublicKey key, byte[] message, Signature signature);

    /** True when {@code key} is acceptable as a validator key under this scheme's rules. */
    boolean isValidPublicKey(PublicKey key);
}
