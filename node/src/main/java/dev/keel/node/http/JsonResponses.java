package dev.keel.node.http;

import dev.keel.node.config.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** Builds the API's responses: JSON bodies (records as snake_case objects), and the Prometheus text. */
public final class JsonResponses {
    /** What Prometheus expects from a scrape target speaking text format 0.0.4. */
    public static final ContentType PROMETHEUS_TEXT = ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");

    private JsonResponses() {
    }

    /** {@code value} written with {@link Json#write}: a record, map, list or scalar. */
    public static HttpResponse json(StatusCode status, Object value) {
        return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, Json.write(value));
    }

    public static HttpResponse ok(Object value) {
        return json(StatusCodes.OK, value);
    }

    public static HttpResponse error(StatusCode status, String code, String message) {
        return json(status, new ApiError(code, message));
    }

    /**
     * The error shape with more fields after {@code code} and {@code message} (a transaction's
     * {@code hash}, a {@code retry_after_ms}); clients that only know the basic shape still work.
     */
    public static HttpResponse error(StatusCode status, String code, String message, Map<String, Object> extra) {
        ApiError base = new ApiError(code, message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", base.code());
        body.put("message", base.message());
        extra.forEach((k, v) -> {
            if (body.putIfAbsent(k, v) != null) {
                throw new IllegalArgumentException("extra field '" + k + "' would hide the error's own");
            }
        });
        return json(status, body);
    }

    public static HttpResponse prometheus(String exposition) {
        return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(PROMETHEUS_TEXT, exposition.getBytes(StandardCharsets.UTF_8));
    }
}
