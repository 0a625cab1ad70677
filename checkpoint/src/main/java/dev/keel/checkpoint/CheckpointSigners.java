package dev.keel.checkpoint;

import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The validators' L1 addresses, by validator index, and how many must sign. The contract holds
 * the same set sorted by address; {@link #setHash} is its validatorSetHash.
 */
public record CheckpointSigners(List<EthAddress> byIndex, int threshold) {
    public CheckpointSigners {
        byIndex = List.copyOf(byIndex);
        if (byIndex.isEmpty() || threshold < 1 || threshold > byIndex.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " for " + byIndex.size() + " signers");
        }
        if (new HashSet<>(byIndex).size() != byIndex.size()) {
            throw new IllegalArgumentException("two validators share an L1 address");
        }
    }

    /** floor(2n/3)+1, Keel's quorum, for {@code addresses}. */
    public static CheckpointSigners withQuorum(List<EthAddress> addresses) {
        return new CheckpointSigners(addresses, addresses.size() * 2 / 3 + 1);
    }

    public int size() {
        return byIndex.size();
    }

    public EthAddress address(int index) {
        return byIndex.get(index);
    }

    public List<EthAddress> sorted() {
        List<EthAddress> s = new ArrayList<>(byIndex);
        s.sort(null);
        return s;
    }

    public Hash setHash() {
        return ValidatorSetHash.of(sorted(), threshold);
    }
}
