package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.keel.node.checkpoint.CheckpointInfo;
import dev.keel.node.checkpoint.CheckpointView;
import dev.keel.node.status.CheckpointStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/checkpoints?limit=K} (the newest, with the anchoring summary),
 * {@code /v1/checkpoints/latest} and {@code /v1/checkpoints/{number}}. A malformed request is
 * 400 whether or not checkpoints are on; on a chain without them every well-formed request is
 * 404 {@code checkpoints_disabled}, so a client can tell "not yet" from "never".
 */
final class CheckpointRoutes {
    static final int DEFAULT_LIMIT = 20;
    /** Bounds one response: a checkpoint is about 1 KiB of JSON. */
    static final int MAX_LIMIT = 100;
    /** Like heights: more digits than a long holds is not a number we could have. */
    private static final int MAX_NUMBER_DIGITS = 18;

    private final CheckpointView checkpoints;

    CheckpointRoutes(CheckpointView checkpoints) {
        this.checkpoints = checkpoints;
    }

    Route routes() {
        return pathPrefix("checkpoints", () -> concat(
                pathEnd(() -> get(() -> parameterOptional("limit", limit -> complete(list(limit))))),
                // extractRequest: the response is built per request, not once when the route is built.
                path("latest", () -> get(() -> extractRequest(r -> complete(latest())))),
                path(PathMatchers.segment(), n -> get(() -> complete(byNumber(n))))));
    }

    private HttpResponse list(Optional<String> text) {
        int limit = text.isEmpty() ? DEFAULT_LIMIT
                : text.get().matches("[0-9]{1,3}") ? Integer.parseInt(text.get()) : -1;
        if (limit < 1 || limit > MAX_LIMIT) {
            return JsonResponses.error(StatusCodes.BAD_REQUEST, ApiError.BAD_REQUEST,
                    "limit must be 1.." + MAX_LIMIT + ", got '" + text.orElse("") + "'");
        }
        if (!checkpoints.enabled()) {
            return disabled();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkpoints", checkpoints.recent(limit).stream().limit(limit).map(CheckpointJson::of).toList());
        body.put("summary", CheckpointStatus.of(checkpoints));
        return JsonResponses.ok(body);
    }

    private HttpResponse latest() {
        if (!checkpoints.enabled()) {
            return disabled();
        }
        return found(checkpoints.latest(), "no checkpoint built yet");
    }

    private HttpResponse byNumber(String text) {
        long number = text.matches("[0-9]{1," + MAX_NUMBER_DIGITS + "}") ? Long.parseLong(text) : 0;
        if (number < 1) {
            return JsonResponses.error(StatusCodes.BAD_REQUEST, ApiError.BAD_CHECKPOINT_NUMBER,
                    "a checkpoint number is a decimal integer, at least 1, got '" + text + "'");
        }
        if (!checkpoints.enabled()) {
            return disabled();
        }
        return found(checkpoints.checkpoint(number), "no checkpoint " + number + " here");
    }

    private static HttpResponse found(Optional<CheckpointInfo> info, String missing) {
        return info.map(i -> JsonResponses.ok(CheckpointJson.of(i)))
                .orElseGet(() -> JsonResponses.error(StatusCodes.NOT_FOUND, ApiError.CHECKPOINT_NOT_FOUND, missing));
    }

    private static HttpResponse disabled() {
        return JsonResponses.error(StatusCodes.NOT_FOUND, ApiError.CHECKPOINTS_DISABLED,
                "this chain's genesis defines no checkpoints");
    }
}
