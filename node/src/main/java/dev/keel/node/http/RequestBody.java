package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractMaterializer;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequestEntity;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.util.ByteString;

/**
 * Reads a request body into memory, but never more than {@code maxBytes} of it: a declared
 * {@code Content-Length} above the limit is refused before any byte is read (so a client that
 * sent {@code Expect: 100-continue} never uploads it), and a chunked body is cut off as soon as it
 * passes the limit. Either way the answer is 413 {@code request_too_large}, not the 500 the
 * server's generic exception handler would give.
 */
final class RequestBody {
    /** A body read in full: its declared type and its bytes. */
    record Received(ContentType type, ByteString data) {
    }

    private RequestBody() {
    }

    static Route read(long maxBytes, Duration timeout, Function<Received, Route> inner) {
        // withSizeLimit replaces the server-wide max-content-length for this route only (the batch
        // endpoint needs more than its 8 MiB default, the single-tx endpoint far less). The entity's
        // own limit check fails with EntityStreamSizeException, the one failure we can tell apart
        // without parsing messages (HttpEntity.toStrict's check throws a generic EntityStreamException).
        return withSizeLimit(maxBytes, () -> extractRequestEntity(entity -> extractMaterializer(mat ->
                onComplete(entity.getDataBytes().completionTimeout(timeout)
                                .runFold(ByteString.emptyByteString(), ByteString::concat, mat),
                        result -> result.isSuccess()
                                ? inner.apply(new Received(entity.getContentType(), result.get().compact()))
                                : complete(failure(result.failed().get(), maxBytes, timeout))))));
    }

    private static HttpResponse failure(Throwable failure, long maxBytes, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EntityStreamSizeException) {
                return JsonResponses.error(StatusCodes.PAYLOAD_TOO_LARGE, ApiError.REQUEST_TOO_LARGE,
                        "request body is larger than the " + maxBytes + " bytes this endpoint accepts");
            }
            if (t instanceof TimeoutException) {
                return JsonResponses.error(StatusCodes.REQUEST_TIMEOUT, ApiError.REQUEST_TIMEOUT,
                        "request body not received within " + timeout.toSeconds() + " s");
            }
        }
        // The client went away mid-body or sent a malformed chunked encoding: its fault, not ours.
        return JsonResponses.error(StatusCodes.BAD_REQUEST, ApiError.BAD_REQUEST,
                "could not read the request body: " + failure.getClass().getSimpleName());
    }
}
