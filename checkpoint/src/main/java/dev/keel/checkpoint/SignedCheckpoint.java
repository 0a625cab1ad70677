package dev.keel.checkpoint;

import java.util.List;

/**
 * A checkpoint with enough signatures for the contract: at least the threshold, ordered by
 * strictly increasing signer address (the contract's rule against counting a signer twice).
 *
 * @param formedAtMillis when this node assembled it (wall clock; for latency reports only)
 */
public record SignedCheckpoint(Checkpoint checkpoint, List<EthAddress> signers, List<EthSignature> signatures,
                               long formedAtMillis) {
    public SignedCheckpoint {
        signers = List.copyOf(signers);
        signatures = List.copyOf(signatures);
        if (signers.size() != signatures.size() || signers.isEmpty()) {
            throw new IllegalArgumentException("one signer per signature, at least one");
        }
        for (int i = 1; i < signers.size(); i++) {
            if (signers.get(i - 1).compareTo(signers.get(i)) >= 0) {
                throw new IllegalArgumentException("signers must be strictly increasing");
            }
        }
    }

    public long number() {
        return checkpoint.number();
    }
}
