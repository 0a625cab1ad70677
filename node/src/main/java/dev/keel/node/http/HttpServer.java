package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.handleExceptions;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;

import dev.keel.node.config.Endpoint;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.Rejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves routes on pekko-http. Every response it produces on its own is JSON with a stable
 * code: unknown path → 404 {@code not_found}, wrong method → 405 {@code method_not_allowed},
 * other rejections → 400 {@code bad_request}, an exception in a route → 500 {@code internal}
 * (logged; the message does not leak internals).
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(3);

    private final ServerBinding binding;

    private HttpServer(ServerBinding binding) {
        this.binding = binding;
    }

    /** Binds {@code routes} on the configured endpoint. Fails with {@link HttpBindException}. */
    public static CompletionStage<HttpServer> start(ClassicActorSystemProvider system, Endpoint endpoint, Route routes) {
        return start(system, endpoint.host(), endpoint.port(), routes);
    }

    /** As above; {@code port} 0 picks a free port (see {@link #address()}). */
    public static CompletionStage<HttpServer> start(ClassicActorSystemProvider system, String host, int port, Route routes) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(port + " is not a port (0-65535)");
        }
        String where = new InetSocketAddress(host, port).getHostString() + ":" + port;
        return Http.get(system).newServerAt(host, port).bind(sealed(routes))
                .handle((binding, failure) -> {
                    if (failure != null) {
                        throw new HttpBindException("http: cannot listen on " + where + ": " + reason(failure), failure);
                    }
                    LOG.info("http api listening address={}", binding.localAddress());
                    return new HttpServer(binding);
                });
    }

    public InetSocketAddress address() {
        return binding.localAddress();
    }

    /** Stops accepting, lets requests in flight finish for up to 3 s, then closes connections. */
    public CompletionStage<Void> stop() {
        return binding.terminate(STOP_DEADLINE).thenApply(t -> null);
    }

    /** {@link #stop()}, waiting for it (a little longer than its deadline). */
    @Override
    public void close() {
        try {
            stop().toCompletableFuture().get(STOP_DEADLINE.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("http api did not stop cleanly address={} error=\"{}\"", binding.localAddress(), e.toString());
        }
    }

    /** Wraps routes so that every rejection and exception becomes a JSON error. */
    static Route sealed(Route routes) {
        return handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> routes));
    }

    private static RejectionHandler rejections() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, rs -> complete(JsonResponses.error(StatusCodes.METHOD_NOT_ALLOWED,
                        ApiError.METHOD_NOT_ALLOWED, "allowed: " + rs.stream().map(r -> r.supported().name())
                                .distinct().sorted().collect(Collectors.joining(", ")))))
                .handle(Rejection.class, r -> complete(JsonResponses.error(StatusCodes.BAD_REQUEST,
                        ApiError.BAD_REQUEST, r.toString())))
                .handleNotFound(extractRequest(req -> complete(JsonResponses.error(StatusCodes.NOT_FOUND,
                        ApiError.NOT_FOUND, "no such resource: " + req.getUri().path()))))
                .build();
    }

    private static ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder()
                .matchAny(e -> extractRequest(req -> {
                    LOG.error("http route failed method={} path={} error={}", req.method().name(), req.getUri().path(),
                            e.toString(), e);
                    return complete(JsonResponses.error(StatusCodes.INTERNAL_SERVER_ERROR, ApiError.INTERNAL,
                            "internal error while serving " + req.getUri().path() + " (see the node's log)"));
                }))
                .build();
    }

    private static String reason(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof java.net.BindException || m.contains("Address already in use")) {
                return m.contains("already in use") ? "address already in use (another node or program has this port)"
                        : m;
            }
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
