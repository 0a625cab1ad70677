package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;

import org.apache.pekko.http.javadsl.server.Route;

/**
 * The node's whole HTTP API, for {@link HttpServer#start}: the operational routes and the chain
 * routes side by side. Their paths do not overlap, so the order only decides whose rejection comes
 * first; {@link HttpServer} turns an unmatched path into 404 {@code not_found} and a path served
 * only for other methods into 405 {@code method_not_allowed}, both JSON.
 */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    public static Route combine(NodeApi node, ChainApi chain) {
        return concat(node.routes(), chain.routes());
    }
}
