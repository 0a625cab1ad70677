package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.config.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conformance test's checker must be able to fail: wrong bodies are caught, one rule at a time. */
class SchemaCheckerTest {
    private static final Map<?, ?> DOC = (Map<?, ?>) Json.parse(OpenApiRoute.load());
    private static final SchemaChecker CHECKER = new SchemaChecker(DOC);

    private static List<String> check(String ref, String json) {
        return CHECKER.problems(Map.of("$ref", "#/components/schemas/" + ref), Json.parse(json));
    }

    private static void rejects(String ref, String json, String expected) {
        List<String> problems = check(ref, json);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), json + " -> " + problems);
    }

    private static final String HASH = "ab".repeat(32);
    private static final String ACCEPTED = "{\"hash\":\"" + HASH + "\",\"status\":\"accepted\"}";

    @Test
    void aConformingBodyPasses() {
        assertEquals(List.of(), check("TxAccepted", ACCEPTED));
        assertEquals(List.of(), check("Error", "{\"code\":\"bad_hash\",\"message\":\"\"}"));
        assertEquals(List.of(), check("AnyValue", "null"));
        assertEquals(List.of(), check("AnyValue", "[1,{\"a\":\"b\"}]"));
    }

    @Test
    void wrongTypeIsCaught() {
        rejects("TxAccepted", "[]", "expected object");
        rejects("BatchReport", "{\"accepted\":\"1\",\"duplicate\":0,\"rejected\":0,\"busy\":0,\"retry_after_ms\":0,\"results\":[]}",
                "$.accepted: expected integer");
        rejects("BatchReport", "{\"accepted\":1.5,\"duplicate\":0,\"rejected\":0,\"busy\":0,\"retry_after_ms\":0,\"results\":[]}",
                "$.accepted: expected integer");
        rejects("TxDuplicate", "{\"hash\":\"" + HASH + "\",\"status\":\"duplicate\",\"committed\":\"yes\"}", "expected boolean");
    }

    @Test
    void missingRequiredFieldIsCaught() {
        rejects("TxAccepted", "{\"hash\":\"" + HASH + "\"}", "missing required field status");
    }

    @Test
    void undocumentedFieldIsCaught() {
        rejects("TxAccepted", "{\"hash\":\"" + HASH + "\",\"status\":\"accepted\",\"extra\":1}", "field extra is not documented");
    }

    @Test
    void enumAndPatternAreEnforced() {
        rejects("TxAccepted", "{\"hash\":\"" + HASH + "\",\"status\":\"accpeted\"}", "is not one of");
        rejects("TxAccepted", "{\"hash\":\"" + HASH.toUpperCase() + "\",\"status\":\"accepted\"}", "does not match");
        rejects("Error", "{\"code\":\"Bad-Code\",\"message\":\"\"}", "does not match");
    }

    @Test
    void nullOnlyWhereNullable() {
        rejects("TxAccepted", "{\"hash\":null,\"status\":\"accepted\"}", "null but not nullable");
        rejects("Block", "{\"height\":1}", "missing required field state_root");
    }

    @Test
    void itemsAndMinimumAreChecked() {
        rejects("BatchReport", "{\"accepted\":0,\"duplicate\":0,\"rejected\":0,\"busy\":0,\"retry_after_ms\":-1,"
                + "\"results\":[{\"hash\":\"" + HASH + "\",\"status\":\"lost\"}]}", "$.results[0].status");
        rejects("BatchReport", "{\"accepted\":0,\"duplicate\":0,\"rejected\":0,\"busy\":0,\"retry_after_ms\":-1,\"results\":[]}",
                "below the minimum");
    }

    @Test
    void oneOfNeedsExactlyOneMatch() {
        assertEquals(List.of(), check("TxStatus", "{\"hash\":\"" + HASH + "\",\"status\":\"pending\",\"received_at_ms\":5,"
                + "\"finality\":\"pending\"}"));
        rejects("TxStatus", "{\"hash\":\"" + HASH + "\",\"status\":\"pending\"}", "matches 0 of the oneOf");
        Map<String, Object> ambiguous = Map.of("oneOf", List.of(Map.of("type", "string"), Map.of("type", "string")));
        assertTrue(CHECKER.problems(ambiguous, "x").get(0).contains("matches 2"));
    }

    @Test
    void unsupportedKeywordsAreRefusedNotIgnored() {
        assertThrows(IllegalArgumentException.class, () -> CHECKER.problems(Map.of("anyOf", List.of()), "x"));
        assertThrows(IllegalArgumentException.class, () -> CHECKER.problems(Map.of("$ref", "#/components/schemas/Nope"), "x"));
    }
}
