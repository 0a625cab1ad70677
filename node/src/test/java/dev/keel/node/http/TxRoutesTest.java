package dev.keel.node.http;

import static dev.keel.node.http.TestServer.error;
import static dev.keel.node.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import dev.keel.node.chain.TxStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/txs and GET /v1/txs/{hash} on a real socket. */
class TxRoutesTest extends SharedServerTest {
    @BeforeEach
    void reset() {
        api.chain.submitted.clear();
        api.chain.statuses.clear();
        api.chain.admission.set(tx -> new Admission.Accepted(TestBlocks.hash(tx)));
    }

    private static final Bytes TX = TestBlocks.tx("set a=1");
    private static final String HASH = TestBlocks.hash(TX).toHex();

    @Test
    void rawBytesAreAcceptedWith202AndTheHash() throws Exception {
        var r = api.post("/v1/txs", "application/octet-stream", TX.toArray());
        assertEquals(202, r.statusCode());
        assertEquals(Map.of("hash", HASH, "status", "accepted"), json(r));
        assertEquals(List.of(new FakeChain.Submitted(TX, "127.0.0.1")), api.chain.submitted);
    }

    @Test
    void aBodyWithoutContentTypeIsRawBytes() throws Exception {
        var r = api.send(api.request("/v1/txs").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(TX.toArray()))
                .build());
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(TX, api.chain.submitted.get(0).tx());
    }

    @Test
    void jsonHexWithAndWithout0xPrefixAndInEitherCase() throws Exception {
        for (String hex : List.of(TX.toHex(), "0x" + TX.toHex(), "0X" + TX.toHex().toUpperCase())) {
            var r = api.postJson("/v1/txs", "{\"tx\":\"" + hex + "\"}");
            assertEquals(202, r.statusCode(), hex);
            assertEquals(HASH, json(r).get("hash"));
        }
        assertEquals(3, api.chain.submitted.size());
        assertTrue(api.chain.submitted.stream().allMatch(s -> s.tx().equals(TX)));
    }

    @Test
    void theSourceIsTheTcpPeerNotAForwardedForHeaderAClientCanInvent() throws Exception {
        var r = api.send(api.request("/v1/txs").header("X-Forwarded-For", "10.9.8.7").header("X-Real-IP", "10.1.1.1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(TX.toArray())).build());
        assertEquals(202, r.statusCode());
        assertEquals("127.0.0.1", api.chain.submitted.get(0).source());
    }

    @Test
    void duplicateIs200AndSaysWhetherCommitted() throws Exception {
        for (boolean committed : List.of(true, false)) {
            api.chain.admission.set(tx -> new Admission.Duplicate(TestBlocks.hash(tx), committed));
            var r = api.post("/v1/txs", "application/octet-stream", TX.toArray());
            assertEquals(200, r.statusCode());
            assertEquals(Map.of("hash", HASH, "status", "duplicate", "committed", committed), json(r));
        }
    }

    @Test
    void rejectedIs400WithTheCodeAndHash() throws Exception {
        api.chain.admission.set(tx -> new Admission.Rejected(TestBlocks.hash(tx), "bad_nonce", "nonce 3, expected 2"));
        var r = api.post("/v1/txs", "application/octet-stream", TX.toArray());
        assertEquals(Map.of("code", "bad_nonce", "message", "nonce 3, expected 2", "hash", HASH), error(r, 400, "bad_nonce"));
    }

    @Test
    void tooLargeRejectionIs413() throws Exception {
        api.chain.admission.set(tx -> new Admission.Rejected(TestBlocks.hash(tx), "tx_too_large", "over 64 KiB"));
        var r = api.post("/v1/txs", "application/octet-stream", TX.toArray());
        assertEquals(HASH, error(r, 413, "tx_too_large").get("hash"));
    }

    @Test
    void aCodeThatIsNotSnakeCaseIsReplacedNotServed() throws Exception {
        api.chain.admission.set(tx -> new Admission.Rejected(TestBlocks.hash(tx), "Bad Thing!", "app bug"));
        error(api.post("/v1/txs", "application/octet-stream", TX.toArray()), 400, "rejected");
    }

    @Test
    void busyIs429WithRetryAfterInWholeSecondsRoundedUp() throws Exception {
        long[][] cases = {{1, 1}, {999, 1}, {1000, 1}, {1001, 2}, {2500, 3}, {0, 1}};
        for (long[] c : cases) {
            api.chain.admission.set(tx -> new Admission.Busy(TestBlocks.hash(tx), "source_quota", "share full", c[0]));
            var r = api.post("/v1/txs", "application/octet-stream", TX.toArray());
            Map<?, ?> body = error(r, 429, "source_quota");
            assertEquals(String.valueOf(c[1]), r.headers().firstValue("Retry-After").orElseThrow(), "ms " + c[0]);
            assertEquals(BigDecimal.valueOf(c[0]), body.get("retry_after_ms"));
            assertEquals(HASH, body.get("hash"));
        }
    }

    @Test
    void malformedJsonOrHexIsBadRequestAndNothingIsSubmitted() throws Exception {
        for (String body : List.of("{\"tx\":", "[\"ab\"]", "{\"tx\":\"abc\"}", "{\"tx\":\"zz\"}", "{\"tx\":12}",
                "{}", "{\"tx\":\"ab\",\"fee\":1}", "{\"txs\":[\"ab\"]}", "{\"tx\":\"\u0663\u0663\"}")) {
            error(api.postJson("/v1/txs", body), 400, "bad_request");
        }
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        var r = api.post("/v1/txs", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(((String) error(r, 415, "unsupported_media_type").get("message")).contains("text/plain"));
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void aBodyAtTheLimitIsReadAndOneByteMoreIs413() throws Exception {
        assertEquals(202, api.post("/v1/txs", "application/octet-stream", new byte[1024]).statusCode());
        error(api.post("/v1/txs", "application/octet-stream", new byte[1025]), 413, "request_too_large");
        assertEquals(1, api.chain.submitted.size());
    }

    @Test
    void aHugeDeclaredBodyIsRefusedBeforeAnyOfItIsSent() throws Exception {
        try (RawHttp raw = new RawHttp(api.server.address().getPort())) {
            raw.write("POST /v1/txs HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 1000000000\r\n\r\n");
            RawHttp.Response r = raw.read(); // not one body byte was written
            assertEquals(413, r.status(), r.body());
            assertTrue(r.body().contains("\"request_too_large\""), r.body());
        }
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void anEndlessChunkedBodyIsCutOffAtTheLimit() throws Exception {
        try (RawHttp raw = new RawHttp(api.server.address().getPort())) {
            raw.write("POST /v1/txs HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            // Chunks of 512 bytes and never the final one: the server cannot be waiting for the end of the
            // body. It must answer once past 1 KiB; the client stops sending then (bytes the server never
            // reads would make its close a TCP reset, which can swallow the answer).
            int sent = 0;
            while (sent < 64 * 1024 && !raw.answered(sent > 1024 ? 2000 : 50)) {
                raw.chunk(new byte[512]);
                sent += 512;
            }
            assertTrue(sent > 1024 && sent <= 2048, "answered after " + sent + " bytes");
            RawHttp.Response r = raw.read();
            assertEquals(413, r.status(), r.body());
            assertTrue(r.body().contains("\"request_too_large\""), r.body());
        }
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void aStalledBodyTimesOutWith408() throws Exception {
        try (RawHttp raw = new RawHttp(api.server.address().getPort())) {
            raw.write("POST /v1/txs HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 100\r\n\r\n0123456789");
            RawHttp.Response r = raw.read();
            assertEquals(408, r.status(), r.body());
            assertTrue(r.body().contains("\"request_timeout\""), r.body());
        }
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void lookupPending() throws Exception {
        api.chain.statuses.put(TestBlocks.hash(TX), new TxStatus.Pending(1_700_000_000_123L));
        var r = api.get("/v1/txs/" + HASH);
        assertEquals(200, r.statusCode());
        assertEquals(Map.of("hash", HASH, "status", "pending", "received_at_ms", BigDecimal.valueOf(1_700_000_000_123L),
                "finality", "pending"),
                json(r));
    }

    @Test
    void lookupCommittedWithAndWithoutLatency() throws Exception {
        Hash block = Hash.of(new byte[] {7});
        api.chain.statuses.put(TestBlocks.hash(TX), new TxStatus.Committed(12, 3, block,
                TxResult.rejected("bad_nonce", "nonce 3, expected 2"), OptionalLong.of(850)));
        Map<?, ?> body = json(api.get("/v1/txs/" + HASH));
        assertEquals("committed", body.get("status"));
        assertEquals(BigDecimal.valueOf(12), body.get("height"));
        assertEquals(BigDecimal.valueOf(3), body.get("index"));
        assertEquals(block.toHex(), body.get("block_hash"));
        assertEquals(Map.of("code", "bad_nonce", "message", "nonce 3, expected 2"), body.get("result"));
        assertEquals(BigDecimal.valueOf(850), body.get("commit_latency_ms"));
        api.chain.statuses.put(TestBlocks.hash(TX), new TxStatus.Committed(12, 3, block, TxResult.ok(),
                OptionalLong.empty()));
        body = json(api.get("/v1/txs/0x" + HASH.toUpperCase()));
        assertEquals(dev.keel.node.config.Json.NULL, body.get("commit_latency_ms"));
        assertEquals(Map.of("code", "ok", "message", ""), body.get("result"));
    }

    @Test
    void lookupRejected() throws Exception {
        api.chain.statuses.put(TestBlocks.hash(TX), new TxStatus.Rejected("expired", "not committed within 600 s"));
        var r = api.get("/v1/txs/" + HASH);
        assertEquals(200, r.statusCode());
        assertEquals(Map.of("hash", HASH, "status", "rejected", "code", "expired", "message", "not committed within 600 s"),
                json(r));
    }

    @Test
    void lookupUnknownIs404() throws Exception {
        assertTrue(((String) error(api.get("/v1/txs/" + HASH), 404, "tx_not_found").get("message")).contains(HASH));
    }

    @Test
    void lookupOfSomethingNotAHashIs400() throws Exception {
        for (String bad : List.of("abc", HASH.substring(1), HASH + "0", "0x" + HASH.substring(2) + "g", "g" + HASH.substring(1))) {
            error(api.get("/v1/txs/" + bad), 400, "bad_hash");
        }
    }

    @Test
    void wrongMethodsAre405() throws Exception {
        assertEquals("allowed: POST", error(api.get("/v1/txs"), 405, "method_not_allowed").get("message"));
        assertEquals("allowed: POST", error(api.get("/v1/txs/batch"), 405, "method_not_allowed").get("message"));
        assertEquals("allowed: GET", error(api.method("POST", "/v1/txs/" + HASH), 405, "method_not_allowed").get("message"));
        error(api.method("DELETE", "/v1/txs/" + HASH), 405, "method_not_allowed");
        assertFalse(api.chain.submitted.size() > 0);
    }
}
