package dev.keel.checkpoint.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An eth_getLogs filter: a block range or one block hash, addresses (any of), and topics by
 * position (null = any, a value, or a list = any of). Ranges and results are bounded, as real
 * providers bound them, so one request cannot make the simulator walk its whole history.
 *
 * @param topics one set per position; an empty set matches anything
 */
record LogFilter(long from, long to, Optional<Hash> blockHash, Set<EthAddress> addresses, List<Set<Hash>> topics) {
    static final long MAX_RANGE = 10_000;
    static final int MAX_RESULTS = 10_000;

    LogFilter {
        addresses = Set.copyOf(addresses);
        topics = List.copyOf(topics);
    }

    static LogFilter parse(JsonNode f, SimChain chain, BlockTags tags) {
        if (!f.isObject()) {
            throw RpcError.invalidParams("eth_getLogs takes a filter object");
        }
        Optional<Hash> blockHash = RpcParams.present(f.get("blockHash"))
                ? Optional.of(RpcParams.hash(f.get("blockHash"), "blockHash")) : Optional.empty();
        long from = tags.number(f.get("fromBlock"));
        long to = tags.number(f.get("toBlock"));
        if (blockHash.isEmpty() && (to < from || to - from >= MAX_RANGE)) {
            throw RpcError.invalidParams("block range must be ascending and at most " + MAX_RANGE + " blocks");
        }
        Set<EthAddress> addresses = new HashSet<>();
        JsonNode a = f.get("address");
        if (RpcParams.present(a)) {
            for (JsonNode one : a.isArray() ? a : List.of(a)) {
                addresses.add(RpcParams.address(one, "address"));
            }
        }
        List<Set<Hash>> topics = new ArrayList<>();
        JsonNode t = f.get("topics");
        if (RpcParams.present(t)) {
            if (!t.isArray() || t.size() > 4) {
                throw RpcError.invalidParams("topics must be a list of at most 4 entries");
            }
            for (JsonNode position : t) {
                Set<Hash> any = new HashSet<>();
                if (RpcParams.present(position)) {
                    for (JsonNode one : position.isArray() ? position : List.of(position)) {
                        any.add(RpcParams.hash(one, "topic"));
                    }
                }
                topics.add(any);
            }
        }
        return new LogFilter(from, to, blockHash, addresses, topics);
    }

    ArrayNode run(SimChain chain) {
        List<SimBlock> blocks = blockHash.isPresent() ? chain.block(blockHash.get()).map(List::of)
                .orElseThrow(() -> RpcError.rejected("unknown block")) : chain.range(from, to);
        ArrayNode out = RpcJson.F.arrayNode();
        for (SimBlock b : blocks) {
            int logIndex = 0;
            for (int i = 0; i < b.receipts().size(); i++) {
                for (SimLog l : b.receipts().get(i).logs()) {
                    if (matches(l)) {
                        if (out.size() >= MAX_RESULTS) {
                            throw new RpcError(-32005, "query returned more than " + MAX_RESULTS + " results",
                                    Optional.empty());
                        }
                        out.add(RpcJson.log(l, b, i, logIndex));
                    }
                    logIndex++;
                }
            }
        }
        return out;
    }

    private boolean matches(SimLog l) {
        if (!addresses.isEmpty() && !addresses.contains(l.address())) {
            return false;
        }
        for (int p = 0; p < topics.size(); p++) {
            if (!topics.get(p).isEmpty() && (p >= l.topics().size() || !topics.get(p).contains(l.topics().get(p)))) {
                return false;
            }
        }
        return true;
    }
}
