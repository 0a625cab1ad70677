package dev.keel.node.config;

/**
 * Keel's own small, strict JSON: for key files, the genesis file and the HTTP API. No
 * library is on the classpath for it, and strictness is the point — a genesis file that
 * parses leniently on one validator and strictly on another would split the chain.
 *
 * <p>Parsed values: {@code Map<String, Object>} (insertion-ordered, unmodifiable),
 * {@code List<Object>}, {@code String}, {@link java.math.BigDecimal}, {@code Boolean} and
 * {@link #NULL}. Rejected: duplicate keys, trailing commas, comments, leading zeros, NaN,
 * unescaped control characters, lone surrogates, trailing content, nesting deeper than
 * {@value JsonParser#MAX_DEPTH}, input over {@value #MAX_INPUT_CHARS} characters.
 *
 * <p>Written values: the above, plus any {@code Number}, {@code Collection}, enums
 * (lower-case name) and records (components as snake_case fields, in declaration order).
 */
public final class Json {
    /** Large enough for a genesis of 1024 validators; small enough to refuse a runaway file. */
    public static final int MAX_INPUT_CHARS = 4 << 20;

    /** JSON {@code null}: a value, so maps and lists never hold Java null. */
    public enum Null { NULL }

    public static final Null NULL = Null.NULL;

    private Json() {
    }

    /** A JSON syntax error, with the line and column where it was found. */
    public static final class ParseException extends IllegalArgumentException {
        private final int line;
        private final int column;

        ParseException(String message, int line, int column) {
            super("line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /** Compact, one line. */
    public static String write(Object value) {
        return new JsonWriter(false).write(value);
    }

    /** Indented by two spaces, ending with a newline: for files people read and diff. */
    public static String pretty(Object value) {
        return new JsonWriter(true).write(value) + "\n";
    }

    /** {@code lastCommitEpochMillis} → {@code last_commit_epoch_millis}. */
    public static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
