package dev.keel.consensus.message;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;

/**
 * One validator's secp256k1 signature on checkpoint {@code number} (see the checkpoint module).
 * Not part of the consensus protocol: round-less, routed by the shell to the checkpoint
 * aggregator, which checks that the signature recovers to the sender's registered L1 address
 * and that the digest equals its own checkpoint's. Carrying the digest, not the checkpoint,
 * keeps it small; a receiver that has not built the checkpoint yet holds the vote until it has.
 *
 * @param number    the checkpoint's 1-based number
 * @param digest    the keccak-256 digest that was signed
 * @param signature 65 bytes, r || s || v
 */
public record CheckpointVote(long number, Hash digest, Bytes signature) implements Message {
    public static final int SIGNATURE_BYTES = 65;

    public CheckpointVote {
        if (number < 1) {
            throw new IllegalArgumentException("checkpoint numbers start at 1, got " + number);
        }
        if (signature.length() != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a checkpoint signature is 65 bytes, got " + signature.length());
        }
    }

    @Override
    public long round() {
        return 0;
    }
}
