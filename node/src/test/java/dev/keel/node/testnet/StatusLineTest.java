package dev.keel.node.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keel.node.config.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testnet's live status line: its anchoring part folded over the nodes' /status. */
class StatusLineTest {
    /** A /status body as a node writes it (parsed with our parser, numbers as BigDecimal). */
    private static Map<?, ?> status(boolean enabled, long anchored, long settled, boolean configured, boolean reachable) {
        return (Map<?, ?>) Json.parse(String.format("{\"height\":130,\"checkpoints\":{\"enabled\":%b,\"interval\":20,"
                        + "\"anchored_height\":%d,\"settled_height\":%d,\"l1\":{\"configured\":%b,\"reachable\":%b,"
                        + "\"error\":null,\"head\":7}}}", enabled, anchored, settled, configured, reachable));
    }

    private static Anchoring fold(List<Map<?, ?>> statuses) {
        Anchoring a = Anchoring.NONE;
        for (Map<?, ?> s : statuses) {
            a = a.plus(s);
        }
        return a;
    }

    @Test
    void showsTheHighestAnchoredAndSettledHeightsOverNodes() {
        Anchoring a = fold(List.of(status(true, 100, 80, true, true), status(true, 120, 100, true, true),
                status(true, 80, 80, true, true)));
        assertEquals(" | anchored 120 settled 100", a.text());
    }

    @Test
    void marksNodesThatCannotReachTheirL1() {
        Anchoring a = fold(List.of(status(true, 120, 100, true, false), status(true, 120, 100, true, true),
                status(true, 120, 100, true, false)));
        assertEquals(" | anchored 120 settled 100 | l1 down (2/3)", a.text());
    }

    @Test
    void aNodeWithoutAnL1IsNotDown() {
        assertEquals(" | anchored 0 settled 0", fold(List.of(status(true, 0, 0, false, false))).text());
    }

    @Test
    void nothingWithoutCheckpoints() {
        Map<?, ?> older = (Map<?, ?>) Json.parse("{\"height\":3}");
        assertEquals("", fold(List.of(status(false, 0, 0, false, false), older)).text());
    }

    @Test
    void theLineStaysOneLineWithTheHaltLast() {
        Anchoring a = fold(List.of(status(true, 120, 100, true, false)));
        var sample = new StatusPoller.Sample(4, 4, 129, 130, 140, 2.5, 420, 3, "validator 2: disk full", a);
        String line = sample.line(65);
        assertEquals("[  65s] height 130 (min 129) | round 140 | 2.5 blocks/s | finality 420 ms | peers 3/3 | 4/4 up"
                + " | anchored 120 settled 100 | l1 down (1/1) | HALTED: validator 2: disk full", line);
        assertFalse(line.contains("\n"));
    }
}
