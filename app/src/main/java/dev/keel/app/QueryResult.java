package dev.keel.app;

/**
 * The answer to a query. {@code value} is a JSON value built from {@code Map<String, ?>},
 * {@code List<?>}, {@code String}, {@code Number}, {@code Boolean} or {@code null}; the API
 * serves it as the response body. {@code status} maps to HTTP (OK 200, NOT_FOUND 404,
 * BAD_REQUEST 400); {@code code}/{@code message} explain a non-OK answer.
 */
public record QueryResult(Status status, Object value, String code, String message) {
    public enum Status { OK, NOT_FOUND, BAD_REQUEST }

    public static QueryResult ok(Object value) {
        return new QueryResult(Status.OK, value, "ok", "");
    }

    public static QueryResult notFound(String message) {
        return new QueryResult(Status.NOT_FOUND, null, "not_found", message);
    }

    public static QueryResult badRequest(String message) {
        return new QueryResult(Status.BAD_REQUEST, null, "bad_query", message);
    }
}
