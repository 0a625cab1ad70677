package dev.keel.checkpoint.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a JSON-RPC error (counted), and the server keeps serving. */
class MalformedRequestTest {
    private final SimTestKit kit = SimTestKit.automine();

    @AfterEach
    void stillServing() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a69\"}",
                Raw.call(kit.sim.url(), "eth_chainId", "[]"));
        kit.close();
    }

    @Test
    void unparsableJson() {
        assertError(Raw.post(kit.sim.url(), "{\"jsonrpc\":\"2.0\",\"id\":1,"), -32700);
        assertError(Raw.post(kit.sim.url(), "{\"id\":1} trailing"), -32700);
        assertError(Raw.post(kit.sim.url(), ""), -32700);
        assertEquals(3, kit.sim.stats().badRequests().get("-32700"));
    }

    @Test
    void notARequest() {
        assertError(Raw.post(kit.sim.url(), "42"), -32600);
        assertError(Raw.post(kit.sim.url(), "{\"id\":1,\"method\":7}"), -32600);
        assertError(Raw.post(kit.sim.url(), "[]"), -32600);
    }

    @Test
    void unknownMethod() {
        assertError(Raw.post(kit.sim.url(), req("eth_doesNotExist", "[]")), -32601);
        assertEquals(1, kit.sim.stats().badRequests().get("-32601"));
        assertEquals(1, kit.sim.stats().requests().get("eth_doesNotExist"));
    }

    @Test
    void wrongParams() {
        assertError(Raw.post(kit.sim.url(), req("eth_getBalance", "[\"0x12\", \"latest\"]")), -32602);
        assertError(Raw.post(kit.sim.url(), req("eth_getBalance", "{\"address\":1}")), -32602);
        assertError(Raw.post(kit.sim.url(), req("eth_getBlockByNumber", "[\"0xzz\", false]")), -32602);
        assertError(Raw.post(kit.sim.url(), req("eth_call", "[\"not an object\"]")), -32602);
        assertError(Raw.post(kit.sim.url(), req("keel_reorg", "[0]")), -32602);
        assertError(Raw.post(kit.sim.url(), req("keel_failRpc", "[10, 7]")), -32602);
        assertError(Raw.post(kit.sim.url(), req("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x989680\"}]")),
                -32602);
    }

    @Test
    void garbageRawTransactions() {
        for (String raw : new String[] {"0xdeadbeef", "0x", "0x02", "0xc0", "0x02c0", "nothex", "0x0"}) {
            assertError(Raw.post(kit.sim.url(), req("eth_sendRawTransaction", "[\"" + raw + "\"]")), -32602);
        }
        assertEquals(0, kit.sim.stats().txsAccepted());
    }

    @Test
    void batchesAnswerEachRequest() {
        Raw.Reply r = Raw.post(kit.sim.url(), "[" + req("eth_chainId", "[]") + "," + req("nope", "[]") + ",5]");
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("[{") && r.body().contains("\"result\":\"0x7a69\"")
                && r.body().contains("-32601") && r.body().contains("-32600"), r.body());
    }

    @Test
    void wrongHttpUse() {
        assertEquals(405, Raw.send(HttpRequest.newBuilder(URI.create(kit.sim.url())).GET().build()).status());
        String huge = req("eth_chainId", "[\"" + "a".repeat(RpcHttpHandler.MAX_BODY_BYTES) + "\"]");
        assertEquals(413, Raw.post(kit.sim.url(), huge).status());
    }

    private static String req(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static void assertError(Raw.Reply r, int code) {
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("\"error\":{\"code\":" + code + ","), r.body());
    }
}
