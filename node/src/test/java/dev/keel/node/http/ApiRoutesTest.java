package dev.keel.node.http;

import static dev.keel.node.http.TestServer.error;
import static dev.keel.node.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NodeApi and ChainApi served together; JSON for unknown paths and wrong methods; client sources. */
class ApiRoutesTest extends SharedServerTest {
    @Test
    void operationalRoutesStillAnswerNextToTheChainApi() throws Exception {
        assertEquals(Map.of("status", "up"), json(api.get("/health")));
        assertEquals("keel-test", json(api.get("/status")).get("chain_id"));
        assertEquals(200, api.get("/v1/why").statusCode());
        assertEquals(200, api.get("/v1/openapi.json").statusCode());
    }

    @Test
    void unknownV1PathsAre404Json() throws Exception {
        for (String p : List.of("/v1", "/v1/", "/v1/nope", "/v1/txsx", "/v1/tx/abc", "/v1/blocks", "/v1/blocks/1/extra",
                "/v1/blockss/1", "/v1/query", "/v1/openapi", "/v2/txs")) {
            error(api.get(p), 404, "not_found");
        }
    }

    @Test
    void wrongMethodsAre405Json() throws Exception {
        for (String p : List.of("/v1/blocks/latest", "/v1/blocks/stream", "/v1/openapi.json", "/v1/why", "/health")) {
            error(api.method("DELETE", p), 405, "method_not_allowed");
        }
        error(api.method("PUT", "/v1/txs"), 405, "method_not_allowed");
    }

    @Test
    void theOpenApiDocumentIsServedAsJson() throws Exception {
        Map<?, ?> doc = json(api.get("/v1/openapi.json"));
        assertEquals("3.0.3", doc.get("openapi"));
        assertEquals(dev.keel.node.config.Json.parse(OpenApiRoute.load()), doc);
    }

    @Test
    void forwardedForIsUsedOnlyWhenTrusted() throws Exception {
        ChainApiLimits l = TestServer.limits();
        ChainApiLimits trusting = new ChainApiLimits(l.maxTxBodyBytes(), l.maxBatchBytes(), l.maxBatchTxs(),
                l.bodyTimeout(), l.streamPageSize(), l.heartbeat(), true);
        try (TestServer proxied = new TestServer(trusting)) {
            var r = proxied.send(proxied.request("/v1/txs").header("X-Forwarded-For", "10.9.8.7, 10.0.0.1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build());
            assertEquals(202, r.statusCode());
            assertEquals("10.9.8.7", proxied.chain.submitted.get(0).source());
        }
    }

    @Test
    void ipv6ClientsShareTheirSlash64() throws Exception {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientSource.name(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        assertEquals("192.0.2.7", ClientSource.name(InetAddress.getByName("192.0.2.7")));
        assertEquals("192.0.2.7", ClientSource.name(InetAddress.getByName("::ffff:192.0.2.7")));
    }
}
