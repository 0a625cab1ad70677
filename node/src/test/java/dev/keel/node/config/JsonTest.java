package dev.keel.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\\\"\\u00e9\\n\"}, \"d\": 0} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, Json.NULL), m.get("a"));
        assertEquals(Map.of("c", "x\"é\n"), m.get("b"));
        assertEquals(new BigDecimal("0"), m.get("d"));
        assertEquals(List.of("a", "b", "d"), List.copyOf(m.keySet()), "field order is kept");
    }

    @Test
    void surrogatePairsRoundTrip() {
        String text = "\"\\ud83d\\ude00 😀\"";
        assertEquals("😀 😀", Json.parse(text));
        assertEquals("\"😀\"", Json.write("😀"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "[1,]", "{\"a\":1,}", "01", "1.", "-", ".5", "NaN", "{a:1}", "'x'",
            "\"tab\there\"", "[1] 2", "", "{\"a\" 1}", "tru", "\"\\x\"", "\"\\ud800\"", "// c\n1", "+1", "[1 2]"})
    void rejectsWhatRfc8259Rejects(String text) {
        assertThrows(Json.ParseException.class, () -> Json.parse(text));
    }

    @Test
    void reportsLineAndColumn() {
        var e = assertThrows(Json.ParseException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"a\": 2\n}"));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("duplicate field \"a\""), e.getMessage());
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(100) + "]".repeat(100);
        var e = assertThrows(Json.ParseException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    record Inner(long peerCount, boolean ok) {
    }

    record Outer(String chainId, List<Inner> peers, Object nothing) {
    }

    @Test
    void writesRecordsWithSnakeCaseFieldsInOrder() {
        String s = Json.write(new Outer("c\u0001\"\\", List.of(new Inner(3, true)), null));
        assertEquals("{\"chain_id\":\"c\\u0001\\\"\\\\\",\"peers\":[{\"peer_count\":3,\"ok\":true}],\"nothing\":null}", s);
    }

    @Test
    void prettyOutputParsesBackToTheSameValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", new BigDecimal("12"));
        m.put("list", List.of("x", Map.of()));
        m.put("empty", List.of());
        String pretty = Json.pretty(m);
        assertTrue(pretty.contains("\n  \"n\": 12,\n"), pretty);
        assertEquals(m, Json.parse(pretty));
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertEquals("1.5", Json.write(1.5));
        assertEquals("2", Json.write(2.0));
    }

    @Test
    void strictObjectReaderNamesEveryBadField() {
        Problems problems = new Problems("f.json");
        JsonObject o = JsonObject.root(Json.parse("{\"a\":\"x\",\"n\":1.5,\"big\":99,\"extra\":1,\"list\":[{},2]}"), problems)
                .orElseThrow();
        o.integer("a", 0, 10);
        o.integer("n", 0, 10);
        o.integer("big", 0, 10);
        o.string("missing");
        o.objects("list");
        o.rejectUnknown();
        var e = assertThrows(ConfigException.class, problems::throwIfAny);
        assertEquals(List.of("a: expected an integer, got a string", "n: 1.5 is not an integer in 0..10",
                        "big: 99 is not in 0..10", "missing: missing", "list[1]: expected an object, got the number 2",
                        "extra: unknown field"),
                e.problems().stream().map(ConfigException.Problem::toString).toList());
        assertTrue(e.getMessage().startsWith("f.json: 6 problems:"), e.getMessage());
    }
}
