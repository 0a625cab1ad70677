package dev.keel.node.http;

import static dev.keel.node.http.TestServer.error;
import static dev.keel.node.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keel.consensus.types.Hash;
import dev.keel.node.chain.BlockView;
import dev.keel.node.config.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/blocks/latest, /v1/blocks/{height}, /v1/blocks/{hash}. */
class BlockRoutesTest extends SharedServerTest {
    private static final List<BlockView> CHAIN = TestBlocks.chain(5);

    @BeforeEach
    void reset() {
        api.chain.stored.clear();
        CHAIN.forEach(api.chain::store);
    }

    @Test
    void blockByHeightHasEveryField() throws Exception {
        BlockView v = CHAIN.get(4); // height 5: round 6, 2 txs (5 % 3), proposer 1
        var r = api.get("/v1/blocks/5");
        assertEquals(200, r.statusCode());
        Map<?, ?> b = json(r);
        assertEquals(BigDecimal.valueOf(5), b.get("height"));
        assertEquals(BigDecimal.valueOf(6), b.get("round"));
        assertEquals(v.block().id().toHex(), b.get("hash"));
        assertEquals(CHAIN.get(3).block().id().toHex(), b.get("parent_hash"));
        assertEquals(BigDecimal.valueOf(1), b.get("proposer"));
        assertEquals(BigDecimal.valueOf(1_700_000_005_000L), b.get("timestamp_ms"));
        assertEquals(BigDecimal.valueOf(2), b.get("tx_count"));
        assertEquals(BigDecimal.valueOf(v.block().payload().byteSize()), b.get("payload_bytes"));
        assertEquals(v.txHashes().stream().map(Hash::toHex).toList(), b.get("tx_hashes"));
        assertEquals(v.execution().orElseThrow().stateRoot().toHex(), b.get("state_root"));
        assertEquals(List.of(Map.of("code", "ok", "message", ""), Map.of("code", "bad_nonce", "message", "nonce 3, expected 2")),
                b.get("results"));
        assertFalse(b.containsKey("txs"), "transactions only on request");
        assertEquals(List.of("height", "round", "hash", "parent_hash", "proposer", "timestamp_ms", "tx_count",
                "payload_bytes", "tx_hashes", "state_root", "results", "finality"), List.copyOf(b.keySet()));
    }

    @Test
    void txsTrueAddsTheTransactionsInHex() throws Exception {
        Map<?, ?> b = json(api.get("/v1/blocks/5?txs=true"));
        assertEquals(List.of(TestBlocks.tx("tx-5-0").toHex(), TestBlocks.tx("tx-5-1").toHex()), b.get("txs"));
        assertFalse(json(api.get("/v1/blocks/5?txs=false")).containsKey("txs"));
        error(api.get("/v1/blocks/5?txs=yes"), 400, "bad_request");
        error(api.get("/v1/blocks/latest?txs=1"), 400, "bad_request");
    }

    @Test
    void blockByHashInAnySpelling() throws Exception {
        String hash = CHAIN.get(1).block().id().toHex();
        for (String id : List.of(hash, "0x" + hash, hash.toUpperCase())) {
            assertEquals(BigDecimal.valueOf(2), json(api.get("/v1/blocks/" + id)).get("height"), id);
        }
    }

    @Test
    void latestIsTheHighestAndFollowsTheChain() throws Exception {
        assertEquals(BigDecimal.valueOf(5), json(api.get("/v1/blocks/latest")).get("height"));
        api.chain.store(TestBlocks.child(CHAIN.get(4).block(), 0, true));
        Map<?, ?> b = json(api.get("/v1/blocks/latest?txs=true"));
        assertEquals(BigDecimal.valueOf(6), b.get("height"));
        assertEquals(List.of(), b.get("txs"));
        assertEquals(List.of(), b.get("results"));
    }

    @Test
    void anUnexecutedBlockHasNullStateRootAndResults() throws Exception {
        api.chain.store(TestBlocks.child(CHAIN.get(4).block(), 1, false));
        Map<?, ?> b = json(api.get("/v1/blocks/6"));
        assertEquals(Json.NULL, b.get("state_root"));
        assertEquals(Json.NULL, b.get("results"));
        assertEquals(BigDecimal.ONE, b.get("tx_count"));
    }

    @Test
    void missingBlocksAre404() throws Exception {
        error(api.get("/v1/blocks/6"), 404, "block_not_found");
        error(api.get("/v1/blocks/" + Hash.of(new byte[] {1}).toHex()), 404, "block_not_found");
        api.chain.stored.clear();
        error(api.get("/v1/blocks/latest"), 404, "block_not_found");
    }

    @Test
    void badIdsAre400() throws Exception {
        for (String id : List.of("0", "-1", "abc", "1.5", "1e3", "9".repeat(19), "ab".repeat(31), "ab".repeat(33), "0x12",
                "%20")) {
            error(api.get("/v1/blocks/" + id), 400, "bad_block_id");
        }
    }

    @Test
    void literalSegmentsAreNotIds() throws Exception {
        assertEquals(BigDecimal.valueOf(5), json(api.get("/v1/blocks/latest")).get("height"));
        error(api.method("POST", "/v1/blocks/latest"), 405, "method_not_allowed");
        error(api.method("POST", "/v1/blocks/3"), 405, "method_not_allowed");
        error(api.method("POST", "/v1/blocks/stream"), 405, "method_not_allowed");
    }

    @Test
    void blocksWithoutTransactionsHaveEmptyLists() throws Exception {
        Map<?, ?> b = json(api.get("/v1/blocks/3?txs=true")); // 3 % 3 == 0 transactions
        assertEquals(BigDecimal.ZERO, b.get("tx_count"));
        assertEquals(BigDecimal.ZERO, b.get("payload_bytes"));
        assertEquals(List.of(), b.get("tx_hashes"));
        assertEquals(List.of(), b.get("txs"));
    }
}
