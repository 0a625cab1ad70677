package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.complete;

import dev.keel.node.checkpoint.CheckpointView;
import dev.keel.node.metrics.NodeMetrics;
import dev.keel.node.status.CheckpointStatus;
import dev.keel.node.status.NodeView;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The node's operational routes:
 * <ul>
 *   <li>{@code GET /health} — 200 {@code {"status":"up"}} whenever the process answers (liveness probe);</li>
 *   <li>{@code GET /ready} — 200 when {@link NodeView#ready()} (caught up, quorum connected), else 503
 *       (readiness probe: a load balancer stops sending clients to a lagging node);</li>
 *   <li>{@code GET /status} — {@link dev.keel.node.status.NodeStatus} as JSON, its {@code checkpoints}
 *       object from the {@link CheckpointView};</li>
 *   <li>{@code GET /metrics} — Prometheus text format 0.0.4;</li>
 *   <li>{@code GET /v1/why} — {@link dev.keel.node.status.RoundReport}: why the chain is not moving.</li>
 * </ul>
 * Records become JSON objects with snake_case fields. Routes read a fresh snapshot on every
 * request; other route groups (transactions, blocks) are concatenated next to this one.
 */
public final class NodeApi {
    private final NodeView view;
    private final PrometheusMeterRegistry registry;
    private final CheckpointView checkpoints;

    /** Without checkpoints: /status reports them disabled. */
    public NodeApi(NodeView view, PrometheusMeterRegistry registry) {
        this(view, registry, CheckpointView.disabled());
    }

    public NodeApi(NodeView view, PrometheusMeterRegistry registry, CheckpointView checkpoints) {
        this.view = view;
        this.registry = registry;
        this.checkpoints = checkpoints;
    }

    public NodeApi(NodeView view, NodeMetrics metrics) {
        this(view, metrics.registry());
    }

    /** The routes, to pass to {@link HttpServer#start} (alone, or {@code concat}-ed with others). */
    public Route routes() {
        return concat(
                getAt("health", () -> JsonResponses.ok(Map.of("status", "up"))),
                getAt("ready", this::ready),
                getAt("status", this::status),
                getAt("metrics", () -> JsonResponses.prometheus(registry.scrape())),
                pathPrefix("v1", () -> concat(
                        getAt("why", () -> JsonResponses.ok(view.why())),
                        getAt("evidence", () -> JsonResponses.ok(view.evidence())))));
    }

    /** The node's snapshot with the checkpoint view's: the two are read separately, a moment apart. */
    private HttpResponse status() {
        return JsonResponses.ok(view.status().withCheckpoints(CheckpointStatus.of(checkpoints)));
    }

    private HttpResponse ready() {
        boolean ready = view.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", ready);
        body.put("status", ready ? "ready" : ApiError.NOT_READY);
        return JsonResponses.json(ready ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, body);
    }

    /** GET on exactly {@code segment}; the response is built per request (extractRequest defers it). */
    private static Route getAt(String segment, Supplier<HttpResponse> response) {
        return path(segment, () -> get(() -> extractRequest(request -> complete(response.get()))));
    }
}
