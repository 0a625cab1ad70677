package dev.keel.node.http;

import static dev.keel.node.http.TestServer.error;
import static dev.keel.node.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.node.checkpoint.FakeCheckpointView;
import dev.keel.node.config.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/checkpoints, /v1/checkpoints/latest, /v1/checkpoints/{number}, over the sample in {@link FakeCheckpointView}. */
class CheckpointRoutesTest extends SharedServerTest {
    @BeforeEach
    void reset() {
        api.checkpoints.reset();
    }

    private static BigDecimal num(long v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void anAnchoredCheckpointHasEveryField() throws Exception {
        var r = api.get("/v1/checkpoints/2");
        assertEquals(200, r.statusCode());
        Map<?, ?> c = json(r);
        Checkpoint cp = FakeCheckpointView.sample(2);
        assertEquals(List.of("number", "chain_id", "epoch", "first_height", "last_height", "last_block_hash", "blocks_root",
                "state_root", "next_validator_set_hash", "digest", "stage", "signatures", "threshold", "signers", "l1",
                "committed_at_ms", "anchored_at_ms", "settled_at_ms", "commit_to_anchored_ms", "commit_to_settled_ms"),
                List.copyOf(c.keySet()));
        assertEquals(num(2), c.get("number"));
        assertEquals(num(31337), c.get("chain_id"));
        assertEquals(num(0), c.get("epoch"));
        assertEquals(num(3), c.get("first_height"));
        assertEquals(num(4), c.get("last_height"));
        assertEquals(cp.lastBlockHash().toHex(), c.get("last_block_hash"));
        assertEquals(cp.blocksRoot().toHex(), c.get("blocks_root"));
        assertEquals(cp.stateRoot().toHex(), c.get("state_root"));
        assertEquals(cp.nextValidatorSetHash().toHex(), c.get("next_validator_set_hash"));
        assertEquals(cp.digest().toHex(), c.get("digest"));
        assertEquals("anchored", c.get("stage"));
        assertEquals(num(3), c.get("signatures"));
        assertEquals(num(3), c.get("threshold"));
        assertEquals(List.of("0x0000000000000000000000000000000000000001", "0x0000000000000000000000000000000000000002",
                "0x0000000000000000000000000000000000000003"), c.get("signers"));
        assertEquals(Map.of("block", num(1232), "confirmations", num(2), "tx_hash", FakeCheckpointView.L1_TX), c.get("l1"));
        long committed = FakeCheckpointView.COMMITTED_AT + 2000;
        assertEquals(num(committed), c.get("committed_at_ms"));
        assertEquals(num(committed + 800), c.get("anchored_at_ms"));
        assertEquals(Json.NULL, c.get("settled_at_ms"));
        assertEquals(num(800), c.get("commit_to_anchored_ms"));
        assertEquals(Json.NULL, c.get("commit_to_settled_ms"), "not settled yet");
    }

    @Test
    void whatIsNotKnownYetIsNull() throws Exception {
        Map<?, ?> built = json(api.get("/v1/checkpoints/3"));
        assertEquals("built", built.get("stage"));
        assertEquals(List.of(), built.get("signers"));
        assertEquals(num(1), built.get("signatures"));
        Map<?, ?> l1 = (Map<?, ?>) built.get("l1");
        assertEquals(Json.NULL, l1.get("block"));
        assertEquals(num(0), l1.get("confirmations"));
        assertEquals(Json.NULL, l1.get("tx_hash"));
        assertEquals(Json.NULL, built.get("anchored_at_ms"));
        assertEquals(Json.NULL, built.get("commit_to_anchored_ms"));
        // Settled, but this node did not see the range committed live: no latencies to report.
        Map<?, ?> settled = json(api.get("/v1/checkpoints/1"));
        assertEquals("settled", settled.get("stage"));
        assertEquals(Json.NULL, settled.get("committed_at_ms"));
        assertEquals(Json.NULL, settled.get("commit_to_settled_ms"));
    }

    @Test
    void latencyIsZeroWhenTheOthersAnchoredBeforeThisNodeCaughtUp() {
        assertEquals(0L, CheckpointJson.since(java.util.OptionalLong.of(5000), java.util.OptionalLong.of(4000)));
        assertEquals(1000L, CheckpointJson.since(java.util.OptionalLong.of(4000), java.util.OptionalLong.of(5000)));
        assertEquals(null, CheckpointJson.since(java.util.OptionalLong.empty(), java.util.OptionalLong.of(5000)));
    }

    @Test
    void latestIsTheNewestBuilt() throws Exception {
        var r = api.get("/v1/checkpoints/latest");
        assertEquals(200, r.statusCode());
        assertEquals(num(3), json(r).get("number"));
        api.checkpoints.checkpoints.clear();
        error(api.get("/v1/checkpoints/latest"), 404, ApiError.CHECKPOINT_NOT_FOUND);
    }

    @Test
    void theListIsNewestFirstWithTheSummary() throws Exception {
        Map<?, ?> body = json(api.get("/v1/checkpoints"));
        assertEquals(List.of("checkpoints", "summary"), List.copyOf(body.keySet()));
        assertEquals(List.of(num(3), num(2), num(1)), numbers(body));
        assertEquals(List.of(num(3), num(2)), numbers(json(api.get("/v1/checkpoints?limit=2"))));
        Map<?, ?> summary = (Map<?, ?>) body.get("summary");
        assertEquals(true, summary.get("enabled"));
        assertEquals(num(4), summary.get("anchored_height"));
        assertEquals(num(2), summary.get("settled_height"));
        assertEquals(json(api.get("/status")).get("checkpoints"), summary, "the same object as /status's");
    }

    @Test
    void theDefaultLimitIsTwenty() throws Exception {
        for (long n = 4; n <= 30; n++) {
            api.checkpoints.put(FakeCheckpointView.built(n));
        }
        List<?> twenty = numbers(json(api.get("/v1/checkpoints")));
        assertEquals(CheckpointRoutes.DEFAULT_LIMIT, twenty.size());
        assertEquals(num(30), twenty.get(0));
        assertEquals(30, numbers(json(api.get("/v1/checkpoints?limit=100"))).size(), "all there are, up to the limit");
    }

    @Test
    void aLimitOutside1To100IsABadRequest() throws Exception {
        for (String bad : List.of("0", "101", "-1", "ten", "", "1000000000000", "2.5")) {
            error(api.get("/v1/checkpoints?limit=" + bad), 400, ApiError.BAD_REQUEST);
        }
        assertEquals(200, api.get("/v1/checkpoints?limit=1").statusCode());
        assertEquals(200, api.get("/v1/checkpoints?limit=100").statusCode());
    }

    @Test
    void aNumberIsADecimalOfAtLeastOne() throws Exception {
        for (String bad : List.of("0", "-1", "abc", "1.5", "0x10", "9".repeat(19))) {
            error(api.get("/v1/checkpoints/" + bad), 400, ApiError.BAD_CHECKPOINT_NUMBER);
        }
        error(api.get("/v1/checkpoints/4"), 404, ApiError.CHECKPOINT_NOT_FOUND);
        error(api.get("/v1/checkpoints/" + "9".repeat(18)), 404, ApiError.CHECKPOINT_NOT_FOUND);
    }

    @Test
    void withoutCheckpointsEveryWellFormedRequestSaysDisabled() throws Exception {
        api.checkpoints.enabled.set(false);
        error(api.get("/v1/checkpoints"), 404, ApiError.CHECKPOINTS_DISABLED);
        error(api.get("/v1/checkpoints/latest"), 404, ApiError.CHECKPOINTS_DISABLED);
        error(api.get("/v1/checkpoints/1"), 404, ApiError.CHECKPOINTS_DISABLED);
        // Malformed input is malformed whether or not checkpoints are on.
        error(api.get("/v1/checkpoints/zero"), 400, ApiError.BAD_CHECKPOINT_NUMBER);
        error(api.get("/v1/checkpoints?limit=0"), 400, ApiError.BAD_REQUEST);
    }

    @Test
    void onlyGet() throws Exception {
        for (String path : List.of("/v1/checkpoints", "/v1/checkpoints/latest", "/v1/checkpoints/1")) {
            error(api.method("POST", path), 405, ApiError.METHOD_NOT_ALLOWED);
        }
    }

    private static List<?> numbers(Map<?, ?> list) {
        return ((List<?>) list.get("checkpoints")).stream().map(c -> ((Map<?, ?>) c).get("number")).toList();
    }
}
