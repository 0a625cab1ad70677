package dev.keel.node.http;

import static dev.keel.node.http.TestServer.error;
import static dev.keel.node.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import dev.keel.mempool.Admission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/txs/batch on a real socket. */
class BatchRoutesTest extends SharedServerTest {
    private static final String BINARY = "application/vnd.keel.txs";
    @BeforeEach
    void reset() {
        api.chain.submitted.clear();
    }

    /** The fake mempool's verdict by content: "dup…" duplicate, "bad…" rejected, "busy<ms>" busy, else accepted. */
    private static Admission verdict(Bytes tx) {
        String s = new String(tx.toArray(), java.nio.charset.StandardCharsets.UTF_8);
        var h = TestBlocks.hash(tx);
        if (s.startsWith("dup")) {
            return new Admission.Duplicate(h, true);
        } else if (s.startsWith("bad")) {
            return new Admission.Rejected(h, "bad_nonce", "nonce");
        } else if (s.startsWith("busy")) {
            return new Admission.Busy(h, "mempool_full", "pool full", Long.parseLong(s.substring(4)));
        }
        return new Admission.Accepted(h);
    }

    private static List<Bytes> txs(String... texts) {
        return List.of(texts).stream().map(TestBlocks::tx).toList();
    }

    @Test
    void binaryBatchReportsEveryOutcomeInRequestOrder() throws Exception {
        api.chain.admission.set(BatchRoutesTest::verdict);
        List<Bytes> txs = txs("a1", "dup1", "bad1", "busy1500", "a2", "busy200");
        var r = api.post("/v1/txs/batch", BINARY, BatchFormat.encode(txs));
        assertEquals(200, r.statusCode(), r.body());
        Map<?, ?> body = json(r);
        assertEquals(BigDecimal.valueOf(2), body.get("accepted"));
        assertEquals(BigDecimal.valueOf(1), body.get("duplicate"));
        assertEquals(BigDecimal.valueOf(1), body.get("rejected"));
        assertEquals(BigDecimal.valueOf(2), body.get("busy"));
        assertEquals(BigDecimal.valueOf(1500), body.get("retry_after_ms"));
        List<?> results = (List<?>) body.get("results");
        assertEquals(List.of(
                Map.of("hash", hex(txs.get(0)), "status", "accepted"),
                Map.of("hash", hex(txs.get(1)), "status", "duplicate"),
                Map.of("hash", hex(txs.get(2)), "status", "rejected", "code", "bad_nonce"),
                Map.of("hash", hex(txs.get(3)), "status", "busy", "code", "mempool_full"),
                Map.of("hash", hex(txs.get(4)), "status", "accepted"),
                Map.of("hash", hex(txs.get(5)), "status", "busy", "code", "mempool_full")), results);
        assertEquals(txs, api.chain.submitted.stream().map(FakeChain.Submitted::tx).toList());
        assertTrue(api.chain.submitted.stream().allMatch(s -> s.source().equals("127.0.0.1")));
    }

    @Test
    void jsonBatch() throws Exception {
        api.chain.admission.set(BatchRoutesTest::verdict);
        List<Bytes> txs = txs("a1", "bad2");
        String body = txs.stream().map(t -> "\"0x" + t.toHex() + "\"").collect(Collectors.joining(",", "{\"txs\":[", "]}"));
        Map<?, ?> report = json(api.postJson("/v1/txs/batch", body));
        assertEquals(BigDecimal.ONE, report.get("accepted"));
        assertEquals(BigDecimal.ONE, report.get("rejected"));
        assertEquals(BigDecimal.ZERO, report.get("retry_after_ms"));
        assertEquals(txs, api.chain.submitted.stream().map(FakeChain.Submitted::tx).toList());
    }

    @Test
    void whenEveryItemIsBusyTheAnswerIs429WithTheLongestWait() throws Exception {
        api.chain.admission.set(BatchRoutesTest::verdict);
        var r = api.post("/v1/txs/batch", BINARY, BatchFormat.encode(txs("busy300", "busy2100", "busy10")));
        Map<?, ?> body = error(r, 429, "mempool_full");
        assertEquals(BigDecimal.valueOf(2100), body.get("retry_after_ms"));
        assertEquals("3", r.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void truncatedLengthPrefixIs400AndNothingIsSubmitted() throws Exception {
        byte[] ok = BatchFormat.encode(txs("a1", "a2"));
        byte[] body = java.util.Arrays.copyOf(ok, ok.length + 3);
        assertTrue(((String) error(api.post("/v1/txs/batch", BINARY, body), 400, "bad_request").get("message"))
                .contains("truncated length prefix"));
        byte[] cut = java.util.Arrays.copyOf(ok, ok.length - 1);
        error(api.post("/v1/txs/batch", BINARY, cut), 400, "bad_request");
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void anEmptyBatchIs400() throws Exception {
        error(api.post("/v1/txs/batch", BINARY, new byte[0]), 400, "bad_request");
        error(api.postJson("/v1/txs/batch", "{\"txs\":[]}"), 400, "bad_request");
    }

    @Test
    void tenThousandTxsAreAcceptedAndOneMoreIs413() throws Exception {
        List<Bytes> txs = new ArrayList<>();
        for (int i = 0; i < ChainApiLimits.MAX_BATCH_TXS; i++) {
            txs.add(TestBlocks.tx("t" + i));
        }
        api.chain.admission.set(tx -> new Admission.Accepted(TestBlocks.hash(tx)));
        var r = api.post("/v1/txs/batch", BINARY, BatchFormat.encode(txs));
        assertEquals(BigDecimal.valueOf(10_000), json(r).get("accepted"));
        api.chain.submitted.clear();
        txs.add(TestBlocks.tx("one too many"));
        error(api.post("/v1/txs/batch", BINARY, BatchFormat.encode(txs)), 413, "too_many_txs");
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void sixteenMiBIsTheBodyLimit() throws Exception {
        int max = (int) ChainApiLimits.MAX_BATCH_BYTES;
        // Two transactions filling exactly 16 MiB are read (the server-wide 8 MiB default does not apply here)...
        int half = max / 2 - 4;
        api.chain.admission.set(tx -> new Admission.Accepted(TestBlocks.hash(tx)));
        var r = api.post("/v1/txs/batch", BINARY, BatchFormat.encode(List.of(Bytes.wrap(new byte[half]), Bytes.wrap(new byte[half]))));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(BigDecimal.valueOf(2), json(r).get("accepted"));
        api.chain.submitted.clear();
        // ...one byte more is refused before reading.
        try (RawHttp raw = new RawHttp(api.server.address().getPort())) {
            raw.write("POST /v1/txs/batch HTTP/1.1\r\nHost: x\r\nContent-Type: " + BINARY + "\r\nContent-Length: "
                    + (max + 1) + "\r\n\r\n");
            RawHttp.Response big = raw.read();
            assertEquals(413, big.status(), big.body());
            assertTrue(big.body().contains("\"request_too_large\""), big.body());
        }
        assertEquals(List.of(), api.chain.submitted);
    }

    @Test
    void jsonBatchesAreLimitedByTheJsonParsersCap() throws Exception {
        String body = "{\"txs\":[\"" + "00".repeat(dev.keel.node.config.Json.MAX_INPUT_CHARS / 2) + "\"]}";
        var r = api.postJson("/v1/txs/batch", body);
        assertTrue(((String) error(r, 413, "request_too_large").get("message")).contains(BINARY), r.body());
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        error(api.post("/v1/txs/batch", "application/octet-stream", new byte[] {0, 0, 0, 0}), 415, "unsupported_media_type");
    }

    private static String hex(Bytes tx) {
        return TestBlocks.hash(tx).toHex();
    }
}
