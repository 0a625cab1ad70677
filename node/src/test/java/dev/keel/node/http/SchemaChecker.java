package dev.keel.node.http;

import dev.keel.node.config.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed JSON value against an OpenAPI 3.0 schema object: {@code $ref} (local),
 * {@code type}, {@code nullable}, {@code required}, {@code properties},
 * {@code additionalProperties: false}, {@code items}, {@code enum}, {@code pattern},
 * {@code minimum}, {@code maxItems}, {@code oneOf}. Any other validation keyword is refused
 * rather than ignored, so the document cannot promise what this checker does not verify.
 */
final class SchemaChecker {
    private static final Set<String> ANNOTATIONS = Set.of("description", "format", "default", "example", "title");
    private static final Set<String> KEYWORDS = Set.of("$ref", "type", "nullable", "required", "properties",
            "additionalProperties", "items", "enum", "pattern", "minimum", "maxItems", "oneOf");

    private final Map<?, ?> document;

    SchemaChecker(Map<?, ?> document) {
        this.document = document;
    }

    /** Every way {@code value} breaks {@code schema}; empty when it conforms. */
    List<String> problems(Object schema, Object value) {
        List<String> out = new ArrayList<>();
        check((Map<?, ?>) schema, value, "$", out);
        return out;
    }

    /** Resolves {@code #/a/b/c} in the document. */
    Object resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local refs are supported: " + ref);
        }
        Object at = document;
        for (String part : ref.substring(2).split("/")) {
            at = ((Map<?, ?>) at).get(part);
            if (at == null) {
                throw new IllegalArgumentException("unresolvable ref " + ref);
            }
        }
        return at;
    }

    private void check(Map<?, ?> schema, Object value, String at, List<String> out) {
        for (Object k : schema.keySet()) {
            String key = (String) k;
            if (!KEYWORDS.contains(key) && !ANNOTATIONS.contains(key) && !key.startsWith("x-")) {
                throw new IllegalArgumentException("schema keyword '" + key + "' at " + at + " is not supported by the checker");
            }
        }
        if (schema.get("$ref") instanceof String ref) {
            check((Map<?, ?>) resolve(ref), value, at, out); // OpenAPI 3.0: siblings of $ref are ignored
            return;
        }
        if (value == Json.NULL) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                out.add(at + ": null but not nullable");
            }
            return;
        }
        if (schema.get("oneOf") instanceof List<?> options) {
            oneOf(options, value, at, out);
        }
        if (schema.get("type") instanceof String type && !hasType(type, value)) {
            out.add(at + ": expected " + type + ", got " + describe(value));
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            out.add(at + ": " + Json.write(value) + " is not one of " + Json.write(allowed));
        }
        if (schema.get("pattern") instanceof String p && value instanceof String s && !Pattern.compile(p).matcher(s).find()) {
            out.add(at + ": \"" + s + "\" does not match " + p);
        }
        if (schema.get("minimum") instanceof BigDecimal min && value instanceof BigDecimal n && n.compareTo(min) < 0) {
            out.add(at + ": " + n + " is below the minimum " + min);
        }
        if (value instanceof Map<?, ?> object) {
            object(schema, object, at, out);
        }
        if (value instanceof List<?> list) {
            if (schema.get("maxItems") instanceof BigDecimal max && list.size() > max.intValue()) {
                out.add(at + ": " + list.size() + " items, more than " + max);
            }
            if (schema.get("items") instanceof Map<?, ?> items) {
                for (int i = 0; i < list.size(); i++) {
                    check(items, list.get(i), at + "[" + i + "]", out);
                }
            }
        }
    }

    private void object(Map<?, ?> schema, Map<?, ?> object, String at, List<String> out) {
        Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!object.containsKey(name)) {
                    out.add(at + ": missing required field " + name);
                }
            }
        }
        for (Map.Entry<?, ?> e : object.entrySet()) {
            if (properties.get(e.getKey()) instanceof Map<?, ?> property) {
                check(property, e.getValue(), at + "." + e.getKey(), out);
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                out.add(at + ": field " + e.getKey() + " is not documented");
            }
        }
    }

    private void oneOf(List<?> options, Object value, String at, List<String> out) {
        int matches = 0;
        List<String> why = new ArrayList<>();
        for (Object option : options) {
            List<String> p = new ArrayList<>();
            check((Map<?, ?>) option, value, at, p);
            if (p.isEmpty()) {
                matches++;
            } else {
                why.add(String.join("; ", p));
            }
        }
        if (matches != 1) {
            out.add(at + ": matches " + matches + " of the oneOf schemas (exactly 1 required)" + (matches == 0 ? ": " + why : ""));
        }
    }

    private static boolean hasType(String type, Object v) {
        return switch (type) {
            case "object" -> v instanceof Map<?, ?>;
            case "array" -> v instanceof List<?>;
            case "string" -> v instanceof String;
            case "boolean" -> v instanceof Boolean;
            case "number" -> v instanceof BigDecimal;
            case "integer" -> v instanceof BigDecimal n && n.stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("unknown schema type " + type);
        };
    }

    private static String describe(Object v) {
        return v instanceof String s ? "the string \"" + s + "\"" : Json.write(v);
    }
}
