package dev.keel.consensus.crypto;

import dev.keel.consensus.types.PublicKey;

/** A signing key and its public key, for one scheme. */
public record KeyPair(PrivateKey privateKey, PublicKey publicKey) {
}
