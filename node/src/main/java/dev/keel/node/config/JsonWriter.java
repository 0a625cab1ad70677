package dev.keel.node.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The writer behind {@link Json#write} and {@link Json#pretty}. */
final class JsonWriter {
    private final boolean pretty;
    private final StringBuilder sb = new StringBuilder();

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    String write(Object value) {
        value(value, 0);
        return sb.toString();
    }

    private void value(Object v, int indent) {
        if (v == null || v == Json.NULL) {
            sb.append("null");
        } else if (v instanceof String str) {
            string(str);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Number n) {
            number(n);
        } else if (v instanceof Map<?, ?> m) {
            object(m, indent);
        } else if (v instanceof Collection<?> c) {
            array(c, indent);
        } else if (v instanceof Enum<?> e) {
            string(e.name().toLowerCase(Locale.ROOT));
        } else if (v instanceof Record r) {
            object(RecordFields.of(r), indent);
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private void number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (n instanceof BigDecimal bd) {
            sb.append(bd.toString());
        } else if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            sb.append(n);
        } else {
            throw new IllegalArgumentException("cannot write a " + n.getClass().getName() + " as a JSON number");
        }
    }

    private void object(Map<?, ?> m, int indent) {
        sb.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON field names are strings, got " + e.getKey());
            }
            newline(indent + 1);
            string(key);
            sb.append(pretty ? ": " : ":");
            value(e.getValue(), indent + 1);
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        if (!m.isEmpty()) {
            newline(indent);
        }
        sb.append('}');
    }

    private void array(Collection<?> c, int indent) {
        sb.append('[');
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            newline(indent + 1);
            value(it.next(), indent + 1);
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        if (!c.isEmpty()) {
            newline(indent);
        }
        sb.append(']');
    }

    private void newline(int indent) {
        if (pretty) {
            sb.append('\n').append("  ".repeat(indent));
        }
    }

    private void string(String str) {
        sb.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    // Control characters, and U+2028/9 which break JavaScript consumers of the API.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A record's components as an ordered map with snake_case names. */
    static final class RecordFields {
        private RecordFields() {
        }

        static Map<String, Object> of(Record r) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true); // records nested privately in their users
                    m.put(Json.snakeCase(c.getName()), accessor.invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
                }
            }
            return m;
        }
    }
}
