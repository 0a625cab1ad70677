package dev.keel.node.http;

import static dev.keel.node.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Hash;
import dev.keel.node.chain.TxStatus;
import dev.keel.node.checkpoint.FakeCheckpointView;
import dev.keel.node.config.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code finality} of transactions and blocks (the sample: heights 1-2 settled, 3-4 anchored,
 * 5 and up committed), and /status's {@code checkpoints} object.
 */
class FinalityTest extends SharedServerTest {
    private static final Hash TX = Hash.of(new byte[] {7});
    @BeforeEach
    void reset() {
        api.checkpoints.reset();
        api.chain.statuses.clear();
        api.chain.stored.clear();
        TestBlocks.chain(5).forEach(api.chain::store);
    }

    private static Map<?, ?> txAt(long height) throws Exception {
        api.chain.statuses.put(TX, new TxStatus.Committed(height, 0, Hash.of(new byte[] {2}), TxResult.ok(), OptionalLong.empty()));
        return json(api.get("/v1/txs/" + TX.toHex()));
    }

    @Test
    void aCommittedTransactionKeepsItsStatusAndGainsItsFinality() throws Exception {
        for (var expected : List.of(List.of(1L, "settled"), List.of(3L, "anchored"), List.of(5L, "committed"))) {
            Map<?, ?> tx = txAt((Long) expected.get(0));
            assertEquals("committed", tx.get("status"), "status values are unchanged: clients match on them");
            assertEquals(expected.get(1), tx.get("finality"), tx.toString());
        }
        api.checkpoints.enabled.set(false);
        assertEquals("committed", txAt(1).get("finality"), "without checkpoints everything is merely committed");
    }

    @Test
    void aPendingTransactionIsPending() throws Exception {
        api.chain.statuses.put(TX, new TxStatus.Pending(1_700_000_000_000L));
        Map<?, ?> tx = json(api.get("/v1/txs/" + TX.toHex()));
        assertEquals("pending", tx.get("status"));
        assertEquals("pending", tx.get("finality"));
    }

    @Test
    void aRejectedTransactionHasNoFinality() throws Exception {
        api.chain.statuses.put(TX, new TxStatus.Rejected("expired", "old"));
        assertEquals(false, json(api.get("/v1/txs/" + TX.toHex())).containsKey("finality"));
    }

    @Test
    void blocksCarryTheirFinality() throws Exception {
        assertEquals("settled", json(api.get("/v1/blocks/2")).get("finality"));
        assertEquals("anchored", json(api.get("/v1/blocks/3")).get("finality"));
        String hash4 = api.chain.stored.get(3).block().id().toHex();
        assertEquals("anchored", json(api.get("/v1/blocks/" + hash4)).get("finality"));
        assertEquals("committed", json(api.get("/v1/blocks/latest")).get("finality"));
        api.checkpoints.settledHeight.set(5);
        assertEquals("settled", json(api.get("/v1/blocks/latest?txs=true")).get("finality"), "read per request");
    }

    @Test
    void streamedBlocksCarryTheirFinalityAsOfSending() throws Exception {
        List<Object> finality = new ArrayList<>();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream?from=1", Map.of())) {
            for (int i = 0; i < 5; i++) {
                finality.add(sse.next().json().get("finality"));
            }
        }
        assertEquals(List.of("settled", "settled", "anchored", "anchored", "committed"), finality);
    }

    @Test
    void statusHasTheCheckpointsObject() throws Exception {
        api.checkpoints.summary.set(FakeCheckpointView.summary(true, Optional.empty(), Optional.of(FakeCheckpointView.L1_TX)));
        Map<?, ?> c = (Map<?, ?>) json(api.get("/status")).get("checkpoints");
        Map<String, Object> l1 = Map.of("configured", true, "reachable", true, "error", Json.NULL, "head", num(1234),
                "url", FakeCheckpointView.L1_URL, "contract", FakeCheckpointView.CONTRACT, "inflight_tx", FakeCheckpointView.L1_TX);
        assertEquals(List.of("enabled", "interval", "latest_built", "latest_formed", "anchored_height", "settled_height", "l1",
                "conflicts", "digest_mismatches"), List.copyOf(c.keySet()));
        assertEquals(true, c.get("enabled"));
        assertEquals(num(2), c.get("interval"));
        assertEquals(num(3), c.get("latest_built"));
        assertEquals(num(2), c.get("latest_formed"));
        assertEquals(num(4), c.get("anchored_height"));
        assertEquals(num(2), c.get("settled_height"));
        assertEquals(l1, c.get("l1"));
        assertEquals(num(0), c.get("conflicts"));
        assertEquals(num(1), c.get("digest_mismatches"));
    }

    @Test
    void statusSaysWhyTheL1IsDown() throws Exception {
        api.checkpoints.summary.set(FakeCheckpointView.summary(false, Optional.of("connection refused"), Optional.empty()));
        Map<?, ?> l1 = (Map<?, ?>) ((Map<?, ?>) json(api.get("/status")).get("checkpoints")).get("l1");
        assertEquals(false, l1.get("reachable"));
        assertEquals("connection refused", l1.get("error"));
        assertEquals(Json.NULL, l1.get("inflight_tx"));
    }

    @Test
    void withoutCheckpointsStatusSaysDisabled() throws Exception {
        api.checkpoints.enabled.set(false);
        Map<?, ?> c = (Map<?, ?>) json(api.get("/status")).get("checkpoints");
        assertEquals(false, c.get("enabled"));
        assertEquals(num(0), c.get("anchored_height"));
        assertEquals(Map.of("configured", false, "reachable", false, "error", Json.NULL, "head", num(0), "url", Json.NULL,
                "contract", Json.NULL, "inflight_tx", Json.NULL), c.get("l1"));
    }

    private static BigDecimal num(long v) {
        return BigDecimal.valueOf(v);
    }
}
