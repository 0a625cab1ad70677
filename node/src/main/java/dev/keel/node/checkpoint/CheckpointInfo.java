package dev.keel.node.checkpoint;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One checkpoint as this node knows it, for the API.
 *
 * @param signers            who signed the formed checkpoint (empty until formed)
 * @param signatures         matching signatures gathered here so far (>= threshold once formed)
 * @param l1Block            the L1 block that holds it, once anchored
 * @param confirmations      L1 blocks on top of and including l1Block (0 until anchored)
 * @param l1TxHash           this node's in-flight or last L1 transaction for it, if this node sent one
 * @param committedAtMillis  when this node executed the range's last block (≈ its commit), if seen live
 * @param anchoredAtMillis   when this node first saw it anchored
 * @param settledAtMillis    when this node first saw it settled
 */
public record CheckpointInfo(Checkpoint checkpoint, Hash digest, Stage stage, int signatures, int threshold,
                             List<EthAddress> signers, OptionalLong l1Block, long confirmations,
                             Optional<String> l1TxHash, OptionalLong committedAtMillis, OptionalLong anchoredAtMillis,
                             OptionalLong settledAtMillis) {
    public CheckpointInfo {
        signers = List.copyOf(signers);
    }
}
