package dev.keel.node.http;

import dev.keel.node.config.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** openapi.json as the tests read it: parsed with our own parser, with lookups by path template. */
final class OpenApiDocument {
    static final Map<?, ?> DOC = (Map<?, ?>) Json.parse(OpenApiRoute.load());
    static final SchemaChecker CHECKER = new SchemaChecker(DOC);

    private OpenApiDocument() {
    }

    static Object resolveRef(Object node) {
        return node instanceof Map<?, ?> m && m.get("$ref") instanceof String ref ? CHECKER.resolve(ref) : node;
    }

    static Map<?, ?> paths() {
        return (Map<?, ?>) DOC.get("paths");
    }

    static Map<?, ?> documentedResponse(String template, String method, int status) {
        if (paths().get(template) instanceof Map<?, ?> item && item.get(method) instanceof Map<?, ?> op) {
            return (Map<?, ?>) resolveRef(((Map<?, ?>) op.get("responses")).get(String.valueOf(status)));
        }
        return null;
    }

    static Set<String> documentedResponses() {
        Set<String> out = new TreeSet<>();
        paths().forEach((template, item) -> ((Map<?, ?>) item).forEach((method, op) ->
                ((Map<?, ?>) ((Map<?, ?>) op).get("responses")).keySet()
                        .forEach(status -> out.add(method + " " + template + " " + status))));
        return out;
    }

    /** The documented template {@code path} (no query) falls under: literal segments win over parameters. */
    static Optional<String> template(String path) {
        String best = null;
        int bestLiterals = -1;
        for (Object t : paths().keySet()) {
            String template = (String) t;
            int literals = matchLiterals(template, path);
            if (literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How many literal segments {@code template} matched, or -1 if it does not match. A parameter is
     * one non-empty segment, except {@code {path}} (the query path), which takes the rest.
     */
    static int matchLiterals(String template, String path) {
        String[] t = template.substring(1).split("/", -1);
        String[] p = path.substring(1).split("/", -1);
        int literals = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals("{path}") && i == t.length - 1) {
                return p.length > i && !p[i].isEmpty() ? literals : -1;
            }
            if (i >= p.length) {
                return -1;
            }
            if (t[i].startsWith("{")) {
                if (p[i].isEmpty()) {
                    return -1;
                }
            } else if (t[i].equals(p[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return t.length == p.length ? literals : -1;
    }
}
