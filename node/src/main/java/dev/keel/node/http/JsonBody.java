package dev.keel.node.http;

import dev.keel.node.config.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.util.ByteString;

/**
 * A JSON request body that must be an object with exactly one known field. Strict like the rest
 * of our JSON: an unknown field is an error, not ignored, so {@code {"txs":[...]}} sent to the
 * single-transaction endpoint is refused instead of silently submitting nothing.
 */
final class JsonBody {
    private JsonBody() {
    }

    /** The value of {@code field}. */
    static Decoded<Object> field(ByteString body, String field) {
        if (body.size() > Json.MAX_INPUT_CHARS) {
            // Our parser's own cap (it parses genesis files too); larger batches use the binary format.
            return Decoded.failed(StatusCodes.PAYLOAD_TOO_LARGE, ApiError.REQUEST_TOO_LARGE, "JSON bodies are limited to "
                    + Json.MAX_INPUT_CHARS + " bytes; send larger batches as " + BatchFormat.MEDIA_TYPE);
        }
        Object parsed;
        try {
            parsed = Json.parse(body.decodeString(StandardCharsets.UTF_8));
        } catch (Json.ParseException e) {
            return bad("malformed JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            return bad("expected a JSON object {\"" + field + "\": ...}");
        }
        for (Object key : object.keySet()) {
            if (!field.equals(key)) {
                return bad("unknown field \"" + key + "\" (expected only \"" + field + "\")");
            }
        }
        Object value = object.get(field);
        return value == null ? bad("missing field \"" + field + "\"") : Decoded.ok(value);
    }

    static <T> Decoded<T> bad(String message) {
        return Decoded.failed(StatusCodes.BAD_REQUEST, ApiError.BAD_REQUEST, message);
    }
}
