package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;

/**
 * What validators sign every N committed blocks, field for field the contract's
 * {@code KeelCheckpoints.Checkpoint}. Every honest validator derives the same checkpoint from
 * the same committed chain, so its digest doubles as a cross-check of the chain itself.
 *
 * @param number               1-based position in the checkpoint sequence (not signed: the contract numbers them)
 * @param chainId              the L2 chain id
 * @param epoch                validator-set epoch (0 until the set changes)
 * @param firstHeight          first covered L2 height
 * @param lastHeight           last covered L2 height
 * @param lastBlockHash        hash of the block at lastHeight
 * @param blocksRoot           {@link MerkleRoot} over the range's block hashes, in height order
 * @param stateRoot            application state root after executing lastHeight
 * @param nextValidatorSetHash {@link ValidatorSetHash} of the set for the next range
 */
public record Checkpoint(long number, long chainId, long epoch, long firstHeight, long lastHeight, Hash lastBlockHash,
                         Hash blocksRoot, Hash stateRoot, Hash nextValidatorSetHash) {
    /** keccak256("keel.checkpoint.v1"), the contract's CHECKPOINT_TAG. */
    public static final byte[] TAG = Keccak.hash("keel.checkpoint.v1");

    public Checkpoint {
        if (number < 1 || chainId < 0 || epoch < 0 || firstHeight < 1 || lastHeight < firstHeight) {
            throw new IllegalArgumentException("bad checkpoint numbers: #" + number + " chain " + chainId + " epoch "
                    + epoch + " heights " + firstHeight + ".." + lastHeight);
        }
    }

    /** The 32-byte digest signed with secp256k1: keccak256(abi.encode(TAG, checkpoint)). */
    public Hash digest() {
        return new Hash(Bytes.wrap(Keccak.hash(abiEncode())));
    }

    /** abi.encode(TAG, chainId, epoch, firstHeight, lastHeight, lastBlockHash, blocksRoot, stateRoot, nextSet). */
    public byte[] abiEncode() {
        return new AbiWords().bytes32(TAG).uint(chainId).uint(epoch).uint(firstHeight).uint(lastHeight)
                .bytes32(lastBlockHash.bytes().toArray()).bytes32(blocksRoot.bytes().toArray())
                .bytes32(stateRoot.bytes().toArray()).bytes32(nextValidatorSetHash.bytes().toArray()).toBytes();
    }

    public long blockCount() {
        return lastHeight - firstHeight + 1;
    }
}
