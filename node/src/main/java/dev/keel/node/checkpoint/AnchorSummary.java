package dev.keel.node.checkpoint;

import java.util.Optional;

/**
 * The node's checkpoint and L1 state in one line's worth of numbers (for /status and the testnet).
 *
 * @param interval        blocks per checkpoint (from the genesis)
 * @param latestBuilt     newest checkpoint number this node built and signed (0 = none)
 * @param latestFormed    newest checkpoint number with a quorum of signatures here
 * @param anchoredHeight  highest L2 height covered by a checkpoint the L1 contract holds (0 = none)
 * @param settledHeight   highest L2 height whose checkpoint is in a final L1 block
 * @param l1Configured    false when this node has no L1 (checkpoints are still built and signed)
 * @param l1Reachable     whether the last L1 poll succeeded
 * @param l1Error         why the last poll failed, if it did
 * @param l1Head          L1 head block at the last successful poll
 * @param l1Url           the L1 endpoint
 * @param contract        the contract address (0x…)
 * @param inflightTx      this node's L1 transaction in flight, if any
 * @param conflicts       L1 checkpoints whose digest differs from this node's (should be 0; alert if not)
 * @param digestMismatches peer votes that signed a different checkpoint than this node's
 */
public record AnchorSummary(long interval, long latestBuilt, long latestFormed, long anchoredHeight, long settledHeight,
                            boolean l1Configured, boolean l1Reachable, Optional<String> l1Error, long l1Head,
                            Optional<String> l1Url, Optional<String> contract, Optional<String> inflightTx,
                            long conflicts, long digestMismatches) {
}
