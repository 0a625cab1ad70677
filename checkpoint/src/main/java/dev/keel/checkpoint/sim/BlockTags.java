package dev.keel.checkpoint.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Block parameters: a hex number, "latest", "pending" (= latest: the simulator has no pending
 * block), "earliest", "safe" (head - safeDepth), "finalized" (head - finalizedDepth), or an
 * EIP-1898 object {blockNumber} / {blockHash}.
 */
final class BlockTags {
    private final SimL1Config config;
    private final SimChain chain;

    BlockTags(SimL1Config config, SimChain chain) {
        this.config = config;
        this.chain = chain;
    }

    /** The block a tag names, or empty when no such block exists yet (eth_getBlockByNumber answers null). */
    Optional<SimBlock> byTag(JsonNode tag) {
        if (tag != null && tag.isObject() && RpcParams.present(tag.get("blockHash"))) {
            return chain.block(RpcParams.hash(tag.get("blockHash"), "blockHash"));
        }
        return chain.block(number(tag));
    }

    /** The block whose state a read uses; absent tag = latest; a block that does not exist is an error. */
    SimBlock stateAt(JsonNode tag) {
        return byTag(tag).orElseThrow(() -> RpcError.rejected("header not found"));
    }

    /** The number a tag stands for (possibly above the head). */
    long number(JsonNode tag) {
        long head = chain.head().number();
        if (!RpcParams.present(tag)) {
            return head;
        }
        if (tag.isObject()) {
            return number(tag.get("blockNumber"));
        }
        String t = RpcParams.text(tag, "block");
        return switch (t) {
            case "latest", "pending" -> head;
            case "earliest" -> 0;
            case "safe" -> Math.max(0, head - config.safeDepth());
            case "finalized" -> Math.max(0, head - config.finalizedDepth());
            default -> RpcParams.quantityLong(tag, "block number");
        };
    }
}
