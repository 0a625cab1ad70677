package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import dev.keel.node.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/openapi.json}: the API's OpenAPI 3.0 description, written by hand in
 * {@code src/main/resources/openapi.json} and checked against the running routes by
 * {@code OpenApiConformanceTest}. Loaded and parsed once at construction: a missing or broken
 * document is a broken build, found at startup rather than by the first client.
 */
final class OpenApiRoute {
    static final String RESOURCE = "/openapi.json";

    private final byte[] document;

    OpenApiRoute() {
        String text = load();
        Json.parse(text); // fails fast on a malformed document
        this.document = text.getBytes(StandardCharsets.UTF_8);
    }

    Route route() {
        return path("openapi.json", () -> get(() ->
                complete(HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, document))));
    }

    static String load() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the node's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
