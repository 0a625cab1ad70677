package dev.keel.node.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recursive-descent parser behind {@link Json#parse}; RFC 8259 and nothing more. */
final class JsonParser {
    /** Deep enough for any file of ours; shallow enough that no input overflows the stack. */
    static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;
    private int depth;

    JsonParser(String text) {
        this.s = text;
        if (text.length() > Json.MAX_INPUT_CHARS) {
            throw fail("input is " + text.length() + " characters, more than the " + Json.MAX_INPUT_CHARS + " allowed");
        }
    }

    Object parseDocument() {
        skipWhitespace();
        Object v = value();
        skipWhitespace();
        if (pos < s.length()) {
            throw fail("unexpected '" + s.charAt(pos) + "' after the end of the document");
        }
        return v;
    }

    private Object value() {
        if (pos >= s.length()) {
            throw fail("unexpected end of input, expected a value");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", Json.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw fail("unexpected '" + c + "', expected a value");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++; // '{'
        Map<String, Object> m = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(m);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw fail("expected a field name in double quotes");
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value();
            if (m.putIfAbsent(key, v) != null) {
                pos = keyAt;
                throw fail("duplicate field \"" + key + "\"");
            }
            skipWhitespace();
            char c = next("',' or '}'");
            if (c == '}') {
                depth--;
                return Collections.unmodifiableMap(m);
            }
            if (c != ',') {
                pos--;
                throw fail("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = next("',' or ']'");
            if (c == ']') {
                depth--;
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw fail("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next("a closing '\"'");
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                pos--;
                throw fail("control character U+" + String.format("%04X", (int) c) + " in a string must be escaped");
            } else if (Character.isSurrogate(c)) {
                surrogatePair(sb, c);
            } else {
                sb.append(c);
            }
        }
    }

    private void escape(StringBuilder sb) {
        char e = next("an escape character");
        switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char u = hex4();
                if (Character.isHighSurrogate(u) && s.startsWith("\\u", pos)) {
                    pos += 2;
                    char low = hex4();
                    if (!Character.isLowSurrogate(low)) {
                        throw fail("\\u escape: a high surrogate must be followed by a low surrogate");
                    }
                    sb.append(u).append(low);
                } else if (Character.isSurrogate(u)) {
                    throw fail("\\u escape: lone surrogate");
                } else {
                    sb.append(u);
                }
            }
            default -> {
                pos--;
                throw fail("invalid escape '\\" + e + "'");
            }
        }
    }

    private void surrogatePair(StringBuilder sb, char high) {
        if (Character.isHighSurrogate(high) && pos < s.length() && Character.isLowSurrogate(s.charAt(pos))) {
            sb.append(high).append(s.charAt(pos++));
            return;
        }
        pos--;
        throw fail("lone surrogate in string");
    }

    private char hex4() {
        if (pos + 4 > s.length()) {
            throw fail("\\u escape needs four hex digits");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw fail("\\u escape needs four hex digits");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (peek() >= '0' && peek() <= '9') {
                throw fail("leading zeros are not allowed in numbers");
            }
        } else {
            digits();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        try {
            return new BigDecimal(s.substring(start, pos));
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw fail("number out of range");
        }
    }

    private void digits() {
        if (peek() < '0' || peek() > '9') {
            throw fail("expected a digit");
        }
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw fail("unexpected '" + s.charAt(pos) + "', expected a value");
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next(String expected) {
        if (pos >= s.length()) {
            throw fail("unexpected end of input, expected " + expected);
        }
        return s.charAt(pos++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private Json.ParseException fail(String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Json.ParseException(message, line, col);
    }
}
