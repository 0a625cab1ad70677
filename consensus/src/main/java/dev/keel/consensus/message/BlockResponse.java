package dev.keel.consensus.message;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import java.util.List;

/**
 * Blocks answering a {@link BlockRequest}: {@code blocks.get(0)} has id {@code requestedId}
 * and each next one is the previous one's parent. Empty when the peer lacks the block.
 */
public record BlockResponse(Hash requestedId, List<Block> blocks) implements Message {
    public BlockResponse {
        blocks = List.copyOf(blocks);
        if (blocks.size() > BlockRequest.MAX_COUNT) {
            throw new IllegalArgumentException("too many blocks in response: " + blocks.size());
        }
    }

    @Override
    public long round() {
        return 0;
    }
}
