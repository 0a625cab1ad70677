package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterMap;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.keel.app.QueryResult;
import dev.keel.node.chain.ChainAccess;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/query/{path}}: application state. The rest of the URL path (decoded segments
 * joined by {@code /}) and the query parameters go to the application as they are; its answer's
 * value is the response body.
 */
final class QueryRoutes {
    private final ChainAccess chain;

    QueryRoutes(ChainAccess chain) {
        this.chain = chain;
    }

    Route routes() {
        return pathPrefix("query", () -> path(PathMatchers.segments(), segments -> get(() ->
                parameterMap(params -> complete(answer(String.join("/", segments), params))))));
    }

    private HttpResponse answer(String path, Map<String, String> params) {
        QueryResult result = chain.query(path, params);
        return switch (result.status()) {
            case OK -> JsonResponses.ok(result.value());
            case NOT_FOUND -> JsonResponses.error(StatusCodes.NOT_FOUND, TxJson.code(result.code(), ApiError.NOT_FOUND),
                    result.message());
            case BAD_REQUEST -> JsonResponses.error(StatusCodes.BAD_REQUEST, TxJson.code(result.code(), "bad_query"),
                    result.message());
        };
    }
}
