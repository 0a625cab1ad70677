package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The contract's {@code Checkpoint} struct exactly as sent, without {@link Checkpoint}'s
 * invariants (a range may be empty, heights may be 0): the contract, not this record, decides
 * what is acceptable, and negative tests must be able to send what Keel would never build.
 * Only what a uint64 cannot hold is refused.
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type (List<Type>)
public record CheckpointStruct(long chainId, long epoch, long firstHeight, long lastHeight, Hash lastBlockHash,
                               Hash blocksRoot, Hash stateRoot, Hash nextValidatorSetHash) {
    public CheckpointStruct {
        if (chainId < 0 || epoch < 0 || firstHeight < 0 || lastHeight < 0) {
            throw new IllegalArgumentException("uint64 fields cannot be negative: chain " + chainId + " epoch "
                    + epoch + " heights " + firstHeight + ".." + lastHeight);
        }
        Objects.requireNonNull(lastBlockHash, "lastBlockHash");
        Objects.requireNonNull(blocksRoot, "blocksRoot");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(nextValidatorSetHash, "nextValidatorSetHash");
    }

    public static CheckpointStruct of(Checkpoint cp) {
        return new CheckpointStruct(cp.chainId(), cp.epoch(), cp.firstHeight(), cp.lastHeight(), cp.lastBlockHash(),
                cp.blocksRoot(), cp.stateRoot(), cp.nextValidatorSetHash());
    }

    /** The web3j ABI value: a static tuple of eight words, in the Solidity field order. */
    StaticStruct toAbi() {
        return new StaticStruct(List.<Type>of(new Uint64(chainId), new Uint64(epoch), new Uint64(firstHeight),
                new Uint64(lastHeight), bytes32(lastBlockHash), bytes32(blocksRoot), bytes32(stateRoot),
                bytes32(nextValidatorSetHash)));
    }

    private static Bytes32 bytes32(Hash h) {
        return new Bytes32(h.bytes().toArray());
    }
}
