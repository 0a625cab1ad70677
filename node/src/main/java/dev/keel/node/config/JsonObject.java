package dev.keel.node.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads one JSON object of a file strictly: each getter records a {@link Problems} entry
 * naming the field's full path ({@code validators[2].p2p.port}) when the field is missing
 * or has the wrong type, and returns empty; {@link #rejectUnknown()} reports every field
 * nobody asked for (a misspelt optional field must not silently fall back to a default).
 */
public final class JsonObject {
    private final String path;
    private final Map<String, Object> fields;
    private final Problems problems;
    private final Set<String> read = new HashSet<>();

    private JsonObject(String path, Map<String, Object> fields, Problems problems) {
        this.path = path;
        this.fields = fields;
        this.problems = problems;
    }

    /** The document's top level, which must be an object; empty (and a problem) otherwise. */
    public static Optional<JsonObject> root(Object parsed, Problems problems) {
        return of("", parsed, problems);
    }

    @SuppressWarnings("unchecked")
    private static Optional<JsonObject> of(String path, Object v, Problems problems) {
        if (v instanceof Map<?, ?> m) {
            return Optional.of(new JsonObject(path, (Map<String, Object>) m, problems));
        }
        problems.add(path, "expected an object, got " + describe(v));
        return Optional.empty();
    }

    /** This object's own path ({@code validators[2]}; empty for the document). */
    public String path() {
        return path;
    }

    /** The full path of field {@code name}. */
    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether field {@code name} is present (for optional fields; does not mark it read). */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Every field as parsed, marking all read: for free-form objects checked elsewhere (app params). */
    public Map<String, Object> raw() {
        read.addAll(fields.keySet());
        return java.util.Collections.unmodifiableMap(fields);
    }

    public Problems problems() {
        return problems;
    }

    public Optional<String> string(String name) {
        return field(name).flatMap(v -> {
            if (v instanceof String s) {
                return Optional.of(s);
            }
            problems.add(key(name), "expected a string, got " + describe(v));
            return Optional.empty();
        });
    }

    /** An integer in {@code [min, max]}; fractions, exponents that leave a fraction and out-of-range values are problems. */
    public OptionalLong integer(String name, long min, long max) {
        Optional<Object> f = field(name);
        if (f.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!(f.get() instanceof BigDecimal n)) {
            problems.add(key(name), "expected an integer, got " + describe(f.get()));
            return OptionalLong.empty();
        }
        long v;
        try {
            v = n.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(key(name), n.toPlainString() + " is not an integer in " + min + ".." + max);
            return OptionalLong.empty();
        }
        if (v < min || v > max) {
            problems.add(key(name), v + " is not in " + min + ".." + max);
            return OptionalLong.empty();
        }
        return OptionalLong.of(v);
    }

    public Optional<JsonObject> object(String name) {
        return field(name).flatMap(v -> of(key(name), v, problems));
    }

    /** An array whose elements are all objects, read as {@code name[i]}. */
    public Optional<List<JsonObject>> objects(String name) {
        Optional<Object> f = field(name);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (!(f.get() instanceof List<?> list)) {
            problems.add(key(name), "expected an array, got " + describe(f.get()));
            return Optional.empty();
        }
        List<JsonObject> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Optional<JsonObject> o = of(key(name) + "[" + i + "]", list.get(i), problems);
            ok &= o.isPresent();
            o.ifPresent(out::add);
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** An array whose elements are all strings. */
    public Optional<List<String>> strings(String name) {
        Optional<Object> f = field(name);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (!(f.get() instanceof List<?> list)) {
            problems.add(key(name), "expected an array of strings, got " + describe(f.get()));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                problems.add(key(name) + "[" + i + "]", "expected a string, got " + describe(list.get(i)));
                return Optional.empty();
            }
            out.add(s);
        }
        return Optional.of(out);
    }

    /** Records a problem for every field not read by a getter. Call after reading the known ones. */
    public void rejectUnknown() {
        for (String name : fields.keySet()) {
            if (!read.contains(name)) {
                problems.add(key(name), "unknown field");
            }
        }
    }

    private Optional<Object> field(String name) {
        read.add(name);
        Object v = fields.get(name);
        if (v == null) {
            problems.add(key(name), "missing");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static String describe(Object v) {
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof BigDecimal n) {
            return "the number " + n.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return "null";
    }
}
