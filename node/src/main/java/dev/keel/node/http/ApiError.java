package dev.keel.node.http;

/**
 * The body of every error response: a stable machine-readable {@code code} (clients branch
 * on it) and a human {@code message} (which may change between versions).
 */
public record ApiError(String code, String message) {
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String BAD_REQUEST = "bad_request";
    public static final String NOT_READY = "not_ready";
    public static final String INTERNAL = "internal";

    public ApiError {
        if (!code.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("error codes are snake_case words, got '" + code + "'");
        }
    }
}
