package dev.keel.node.genesis;

import dev.keel.checkpoint.CheckpointSchedule;
import dev.keel.checkpoint.CheckpointSigners;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.Keccak;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The genesis's {@code "checkpoint"} section: how often validators sign a checkpoint, and each
 * validator's L1 (secp256k1) address, in validator index order. Part of the genesis because
 * every validator must cut and sign identical checkpoints, and the L1 contract is deployed
 * with exactly these addresses.
 */
public record GenesisCheckpoints(long interval, List<EthAddress> signers) {
    public GenesisCheckpoints {
        signers = List.copyOf(signers);
        new CheckpointSchedule(interval); // range check with the schedule's own message
    }

    public CheckpointSchedule schedule() {
        return new CheckpointSchedule(interval);
    }

    public CheckpointSigners checkpointSigners() {
        return CheckpointSigners.withQuorum(signers);
    }

    /**
     * The contract's uint64 chain id for a Keel chain id string: the first 8 bytes of
     * keccak256(chainId), top bit cleared (so it is a positive Java long).
     */
    public static long l2ChainId(String chainId) {
        return ByteBuffer.wrap(Keccak.hash(chainId)).getLong() & Long.MAX_VALUE;
    }
}
