package dev.keel.node.bench;

import dev.keel.node.config.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of a {@code block} event of {@code GET /v1/blocks/stream} that the generator
 * needs: the height, the transactions' hashes (hex SHA-256 of their bytes) and, when the
 * node has executed the block, each transaction's result code in the same order.
 *
 * @param resultCodes one code per hash ({@code ok} or why it changed nothing), or empty when the
 *                    event carries {@code "results": null}
 */
public record BlockEvent(long height, List<String> txHashes, List<String> resultCodes) {
    public BlockEvent {
        txHashes = List.copyOf(txHashes);
        resultCodes = List.copyOf(resultCodes);
        if (!resultCodes.isEmpty() && resultCodes.size() != txHashes.size()) {
            throw new IllegalArgumentException("block " + height + ": " + resultCodes.size() + " results for "
                    + txHashes.size() + " txs");
        }
    }

    public boolean hasResults() {
        return !resultCodes.isEmpty() || txHashes.isEmpty();
    }

    /** Parses an event's data; throws IllegalArgumentException (with the reason) for anything else. */
    public static BlockEvent parse(String data) {
        if (!(Json.parse(data) instanceof Map<?, ?> m) || !(m.get("height") instanceof Number height)) {
            throw new IllegalArgumentException("block event without a height");
        }
        List<String> hashes = new ArrayList<>();
        if (m.get("tx_hashes") instanceof List<?> list) {
            for (Object h : list) {
                hashes.add(String.valueOf(h));
            }
        }
        List<String> codes = new ArrayList<>();
        if (m.get("results") instanceof List<?> results) {
            if (results.size() != hashes.size()) {
                throw new IllegalArgumentException("block " + height + ": " + results.size() + " results for "
                        + hashes.size() + " txs");
            }
            for (Object r : results) {
                codes.add(r instanceof Map<?, ?> rm && rm.get("code") instanceof String c ? c : "unknown");
            }
        }
        return new BlockEvent(height.longValue(), hashes, codes);
    }
}
