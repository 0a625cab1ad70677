package dev.keel.node.http;

import static dev.keel.node.http.TestServer.error;
import static dev.keel.node.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.app.QueryResult;
import dev.keel.node.config.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** GET /v1/query/{path}: the application's answers, passed through. */
class QueryRoutesTest extends SharedServerTest {
    @Test
    void pathWithSlashesAndParamsReachTheApplicationDecoded() throws Exception {
        AtomicReference<String> path = new AtomicReference<>();
        AtomicReference<Map<String, String>> params = new AtomicReference<>();
        api.chain.query.set((p, q) -> {
            path.set(p);
            params.set(q);
            return QueryResult.ok(Map.of("balance", 42, "owner", "alice"));
        });
        var r = api.get("/v1/query/balance/alice%20b?at=7&proof=false");
        assertEquals(200, r.statusCode());
        assertEquals(Map.of("balance", BigDecimal.valueOf(42), "owner", "alice"), json(r));
        assertEquals("balance/alice b", path.get());
        assertEquals(Map.of("at", "7", "proof", "false"), params.get());
    }

    @Test
    void anyJsonValueIsTheBody() throws Exception {
        api.chain.query.set((p, q) -> QueryResult.ok(List.of(1, "two", true)));
        assertEquals(List.of(BigDecimal.ONE, "two", true), Json.parse(api.get("/v1/query/x").body()));
        api.chain.query.set((p, q) -> QueryResult.ok(null));
        var r = api.get("/v1/query/x");
        assertEquals(200, r.statusCode());
        assertEquals("null", r.body());
    }

    @Test
    void notFoundIs404WithTheApplicationsCode() throws Exception {
        api.chain.query.set((p, q) -> QueryResult.notFound("no key " + p));
        assertEquals("no key k/1", error(api.get("/v1/query/k/1"), 404, "not_found").get("message"));
        api.chain.query.set((p, q) -> new QueryResult(QueryResult.Status.NOT_FOUND, null, "no_account", "nobody"));
        error(api.get("/v1/query/k/1"), 404, "no_account");
    }

    @Test
    void badRequestIs400WithTheApplicationsCode() throws Exception {
        api.chain.query.set((p, q) -> QueryResult.badRequest("unknown query " + p));
        error(api.get("/v1/query/nope"), 400, "bad_query");
        api.chain.query.set((p, q) -> new QueryResult(QueryResult.Status.BAD_REQUEST, null, "Not Snake", "x"));
        error(api.get("/v1/query/nope"), 400, "bad_query");
    }

    @Test
    void onlyGet() throws Exception {
        error(api.method("POST", "/v1/query/x"), 405, "method_not_allowed");
    }
}
