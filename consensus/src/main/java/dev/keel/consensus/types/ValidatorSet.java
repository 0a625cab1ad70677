package dev.keel.consensus.types;

import java.util.HashSet;
import java.util.List;

/**
 * The validators of one epoch, in a fixed order; a validator is named by its index here.
 * All have equal voting power. With n validators at most {@code f = (n-1)/3} may be
 * byzantine, and a quorum is {@code floor(2n/3)+1} (= 2f+1 when n = 3f+1): any two quorums
 * intersect in at least one honest validator.
 */
public record ValidatorSet(List<PublicKey> keys) {
    public static final int MAX_VALIDATORS = 1024;

    public ValidatorSet {
        keys = List.copyOf(keys);
        if (keys.isEmpty() || keys.size() > MAX_VALIDATORS) {
            throw new IllegalArgumentException("validator count must be 1.." + MAX_VALIDATORS + ", got " + keys.size());
        }
        if (new HashSet<>(keys).size() != keys.size()) {
            throw new IllegalArgumentException("duplicate validator key");
        }
    }

    public int size() {
        return keys.size();
    }

    public int maxFaulty() {
        return (keys.size() - 1) / 3;
    }

    /** Signatures needed for a QC or TC. */
    public int quorum() {
        return keys.size() * 2 / 3 + 1;
    }

    /** Enough signers that at least one is honest: used to join a timeout (Bracha amplification). */
    public int honestWitness() {
        return maxFaulty() + 1;
    }

    public boolean contains(int index) {
        return index >= 0 && index < keys.size();
    }

    public PublicKey key(int index) {
        return keys.get(index);
    }

    public int indexOf(PublicKey key) {
        return keys.indexOf(key);
    }
}
