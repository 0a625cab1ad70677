package dev.keel.node.http;

import dev.keel.node.config.Json;
import java.nio.charset.StandardCharsets;
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

    public static HttpResponse prometheus(String exposition) {
        return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(PROMETHEUS_TEXT, exposition.getBytes(StandardCharsets.UTF_8));
    }
}
