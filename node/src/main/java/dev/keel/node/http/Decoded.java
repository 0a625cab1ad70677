package dev.keel.node.http;

import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;

/**
 * The result of reading client input: a value, or the error response to send. Bad input from
 * outside is a typed answer, never an exception (DESIGN "three kinds of error").
 */
sealed interface Decoded<T> {
    record Ok<T>(T value) implements Decoded<T> {
    }

    record Failed<T>(StatusCode status, ApiError error) implements Decoded<T> {
        HttpResponse response() {
            return JsonResponses.error(status, error.code(), error.message());
        }
    }

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> failed(StatusCode status, String code, String message) {
        return new Failed<>(status, new ApiError(code, message));
    }
}
