package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Hash;
import java.util.Collections;
import java.util.List;

/**
 * The storage of one deployed KeelCheckpoints, immutable: every transaction that changes it
 * makes a new one, so each block can keep the state it ended with. Fields mirror the contract's
 * state variables; uint64s are unsigned in a long.
 *
 * @param members strictly increasing (the contract enforces it), so isValidator is a binary search
 */
record ContractState(long l2ChainId, long epoch, int threshold, Hash validatorSetHash, Hash nextValidatorSetHash,
                     List<EthAddress> members, long checkpointCount, long lastHeight, AnchorLog anchors) {
    ContractState {
        members = List.copyOf(members);
        if (threshold < 1 || threshold > members.size()) {
            throw new IllegalStateException("contract invariant: 1 <= threshold <= members, got " + threshold);
        }
        if (anchors.size() != checkpointCount) {
            throw new IllegalStateException("contract invariant: one anchor per checkpoint");
        }
    }

    boolean isValidator(EthAddress a) {
        return Collections.binarySearch(members, a) >= 0;
    }

    ContractState withValidators(List<EthAddress> newMembers, int newThreshold, Hash setHash) {
        return new ContractState(l2ChainId, epoch, newThreshold, setHash, nextValidatorSetHash, newMembers,
                checkpointCount, lastHeight, anchors);
    }

    ContractState withEpoch(long newEpoch) {
        return new ContractState(l2ChainId, newEpoch, threshold, validatorSetHash, nextValidatorSetHash, members,
                checkpointCount, lastHeight, anchors);
    }

    ContractState withNextSet(Hash next) {
        return new ContractState(l2ChainId, epoch, threshold, validatorSetHash, next, members, checkpointCount,
                lastHeight, anchors);
    }

    ContractState withCheckpoint(AnchorLog.Anchor anchor) {
        return new ContractState(l2ChainId, epoch, threshold, validatorSetHash, nextValidatorSetHash, members,
                checkpointCount + 1, anchor.lastHeight(), anchors.append(anchor));
    }
}
