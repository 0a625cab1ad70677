package dev.keel.network;

import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.types.ValidatorSet;

/**
 * Hard structural limits on what a peer may make this node read. They are checked before
 * anything is allocated (frame length against {@link #maxFrameBytes}, every count and length
 * inside a message against these maxima <em>and</em> the bytes actually remaining), so a
 * peer cannot make the node allocate more than one frame's worth of memory per link.
 *
 * <p>These are wire ceilings, deliberately generous: the precise, configurable protocol limits
 * (transactions per block, block bytes) are enforced by consensus's {@code MessageGate}.
 *
 * @param maxFrameBytes         largest frame body after the 4-byte length prefix (ciphertext, so
 *                              it includes the {@value #TAG_BYTES}-byte authentication tag)
 * @param maxTxsPerBlock        most transactions one payload may list
 * @param maxTxBytes            largest single transaction
 * @param maxValidators         largest validator set: bounds signer bitmaps and signature lists
 * @param maxBlocksPerResponse  most blocks in one {@code BlockResponse}
 * @param maxInboundConnections accepted connections open at once (authenticated or not); more are
 *                              closed at once, so a connection flood cannot exhaust memory
 */
public record NetworkLimits(int maxFrameBytes, int maxTxsPerBlock, int maxTxBytes, int maxValidators,
                            int maxBlocksPerResponse, int maxInboundConnections) {
    /** Poly1305 tag appended to every sealed frame. */
    public static final int TAG_BYTES = 16;
    /** 4 MiB of payload plus room for a block's certificates with the largest validator set. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024 + 512 * 1024;
    /** Far above any sane frame: a typo in config must not let a peer make us allocate gigabytes. */
    private static final int ABSOLUTE_MAX_FRAME_BYTES = 64 * 1024 * 1024;

    public static final NetworkLimits DEFAULT = new NetworkLimits(DEFAULT_MAX_FRAME_BYTES, 100_000, 1024 * 1024,
            ValidatorSet.MAX_VALIDATORS, BlockRequest.MAX_COUNT, 2048);

    public NetworkLimits {
        if (maxFrameBytes < 1024 || maxFrameBytes > ABSOLUTE_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("max frame bytes must be 1024.." + ABSOLUTE_MAX_FRAME_BYTES);
        }
        if (maxTxsPerBlock < 1 || maxTxBytes < 1 || maxInboundConnections < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxValidators < 1 || maxValidators > ValidatorSet.MAX_VALIDATORS) {
            throw new IllegalArgumentException("max validators must be 1.." + ValidatorSet.MAX_VALIDATORS);
        }
        if (maxBlocksPerResponse < 1 || maxBlocksPerResponse > BlockRequest.MAX_COUNT) {
            throw new IllegalArgumentException("max blocks per response must be 1.." + BlockRequest.MAX_COUNT);
        }
    }

    /** The largest encoded message: a frame minus the authentication tag. */
    public int maxMessageBytes() {
        return maxFrameBytes - TAG_BYTES;
    }

    public NetworkLimits withMaxFrameBytes(int bytes) {
        return new NetworkLimits(bytes, maxTxsPerBlock, maxTxBytes, maxValidators, maxBlocksPerResponse,
                maxInboundConnections);
    }

    public NetworkLimits withMaxInboundConnections(int connections) {
        return new NetworkLimits(maxFrameBytes, maxTxsPerBlock, maxTxBytes, maxValidators, maxBlocksPerResponse,
                connections);
    }
}
