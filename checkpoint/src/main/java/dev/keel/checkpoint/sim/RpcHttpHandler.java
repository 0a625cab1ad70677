package dev.keel.checkpoint.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over HTTP POST: single requests and batches. Whatever arrives, the answer is a
 * JSON-RPC error or an HTTP status, never a dead server: bad input is counted and answered
 * (-32700 unparsable, -32600 not a request, -32601 unknown method, -32602 bad params), and an
 * unexpected exception becomes -32603 with a log line.
 */
final class RpcHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RpcHttpHandler.class);
    /** Far above any honest request (a checkpoint submission is ~1 KiB); bounds what one client can make us buffer. */
    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MAX_BATCH = 100;

    private final ObjectMapper json;
    private final RpcMethods methods;
    private final SimFaults faults;

    RpcHttpHandler(ObjectMapper json, RpcMethods methods, SimFaults faults) {
        this.json = json;
        this.methods = methods;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = readBounded(exchange.getRequestBody());
            if (body == null) {
                faults.countBad(RpcError.INVALID_REQUEST);
                send(exchange, 413, error(NullNode.getInstance(), new RpcError(RpcError.INVALID_REQUEST,
                        "request body above " + MAX_BODY_BYTES + " bytes", Optional.empty())));
                return;
            }
            JsonNode request;
            try {
                request = json.readTree(body);
            } catch (JsonProcessingException e) {
                request = null;
            }
            if (request == null || request.isMissingNode()) {
                faults.countBad(RpcError.PARSE_ERROR);
                send(exchange, 200, error(NullNode.getInstance(),
                        new RpcError(RpcError.PARSE_ERROR, "parse error: the body is not JSON", Optional.empty())));
                return;
            }
            respond(exchange, request);
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=l1_sim_http_failed error={}", e.toString());
        }
    }

    private void respond(HttpExchange exchange, JsonNode request) throws IOException {
        if (!request.isArray()) {
            Optional<ObjectNode> answer = answer(request);
            if (answer.isEmpty()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            send(exchange, 200, answer.get());
            return;
        }
        if (request.isEmpty() || request.size() > MAX_BATCH) {
            faults.countBad(RpcError.INVALID_REQUEST);
            send(exchange, 200, error(NullNode.getInstance(), new RpcError(RpcError.INVALID_REQUEST,
                    "a batch holds 1.." + MAX_BATCH + " requests", Optional.empty())));
            return;
        }
        List<ObjectNode> answers = new ArrayList<>(request.size());
        // an HTTP 503 mid-batch drops the answers of requests already run: like a response lost in transit
        for (JsonNode one : request) {
            Optional<ObjectNode> a = answer(one);
            if (a.isEmpty()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            answers.add(a.get());
        }
        ArrayNode out = RpcJson.F.arrayNode();
        answers.forEach(out::add);
        send(exchange, 200, out);
    }

    /** One request's answer; empty when an HTTP 503 outage swallows the whole HTTP request. */
    private Optional<ObjectNode> answer(JsonNode request) {
        JsonNode id = request.isObject() && request.has("id") ? request.get("id") : NullNode.getInstance();
        JsonNode method = request.isObject() ? request.get("method") : null;
        if (method == null || !method.isTextual()) {
            faults.countBad(RpcError.INVALID_REQUEST);
            return Optional.of(error(id, new RpcError(RpcError.INVALID_REQUEST,
                    "invalid request: expected an object with a string 'method'", Optional.empty())));
        }
        String name = method.asText();
        faults.countRequest(name);
        Optional<SimFault.OutageMode> fail = faults.failNow(name);
        if (fail.isPresent()) {
            return fail.get() == SimFault.OutageMode.HTTP_503 ? Optional.empty() : Optional.of(error(id,
                    RpcError.rejected("l1 unavailable (injected)")));
        }
        JsonNode params = request.get("params");
        try {
            if (params != null && !params.isNull() && !params.isArray()) {
                throw RpcError.invalidParams("params must be an array");
            }
            JsonNode result = methods.call(name, params == null || params.isNull() ? RpcJson.F.arrayNode() : params);
            ObjectNode ok = RpcJson.F.objectNode().put("jsonrpc", "2.0");
            ok.set("id", id);
            ok.set("result", result);
            LOG.debug("event=l1_sim_rpc method={} ok=true", name);
            return Optional.of(ok);
        } catch (RpcError e) {
            if (e.code() == RpcError.INVALID_PARAMS || e.code() == RpcError.METHOD_NOT_FOUND
                    || e.code() == RpcError.INVALID_REQUEST) {
                faults.countBad(e.code());
            }
            LOG.debug("event=l1_sim_rpc method={} ok=false code={} message={}", name, e.code(), e.getMessage());
            return Optional.of(error(id, e));
        } catch (IllegalArgumentException e) {
            faults.countBad(RpcError.INVALID_PARAMS);
            return Optional.of(error(id, RpcError.invalidParams(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("event=l1_sim_rpc_crashed method={}", name, e);
            return Optional.of(error(id, new RpcError(-32603, "internal error: " + e, Optional.empty())));
        }
    }

    private static ObjectNode error(JsonNode id, RpcError e) {
        ObjectNode o = RpcJson.F.objectNode().put("jsonrpc", "2.0");
        o.set("id", id);
        ObjectNode err = o.putObject("error").put("code", e.code()).put("message", e.getMessage());
        e.data().ifPresent(d -> err.put("data", d));
        return o;
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}
