package dev.keel.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Server-Sent Events as the block stream sends them, and the corners of the format. */
class SseParserTest {
    private static List<SseParser.Event> parse(String stream) throws IOException {
        List<SseParser.Event> out = new ArrayList<>();
        new SseParser().readAll(new BufferedReader(new StringReader(stream)), () -> false, out::add);
        return out;
    }

    @Test
    void blockEventWithIdAndData() throws IOException {
        assertEquals(List.of(new SseParser.Event("block", "42", "{\"height\":42}")),
                parse("event: block\nid: 42\ndata: {\"height\":42}\n\n"));
    }

    @Test
    void multiLineDataJoinsWithNewlines() throws IOException {
        List<SseParser.Event> e = parse("event: block\ndata: {\"height\":\ndata: 7}\ndata:\n\n");
        assertEquals("{\"height\":\n7}\n", e.get(0).data());
        assertEquals(7, BlockEvent.parse(e.get(0).data()).height(), "JSON split over data lines still parses");
    }

    @Test
    void commentsAreSkippedAndDoNotDispatch() throws IOException {
        assertEquals(List.of(new SseParser.Event("block", "", "x")), parse(": keep-alive\n\n:\nevent: block\n: mid\ndata: x\n\n"));
    }

    @Test
    void idPersistsToLaterEventsAndTypeResets() throws IOException {
        List<SseParser.Event> e = parse("id: 5\nevent: block\ndata: a\n\ndata: b\n\n");
        assertEquals(new SseParser.Event("block", "5", "a"), e.get(0));
        assertEquals(new SseParser.Event("message", "5", "b"), e.get(1));
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDropped() {
        SseParser p = new SseParser();
        p.feed("data:  two spaces");
        p.feed("data:none");
        p.feed("data");
        assertEquals(Optional.of(new SseParser.Event("message", "", " two spaces\nnone\n")), p.feed(""));
    }

    @Test
    void crlfLineEndingsAndUnknownFieldsAndRetry() throws IOException {
        assertEquals(List.of(new SseParser.Event("block", "9", "d")),
                parse("retry: 1000\r\nfoo: bar\r\nevent: block\r\nid: 9\r\ndata: d\r\n\r\n"));
    }

    @Test
    void anEventWithoutDataIsDroppedAndAnUnfinishedOneIsNotDispatched() throws IOException {
        assertEquals(List.of(), parse("event: block\nid: 3\n\nevent: block\ndata: cut off"));
    }

    @Test
    void stopIsCheckedBetweenLines() throws IOException {
        List<SseParser.Event> out = new ArrayList<>();
        new SseParser().readAll(new BufferedReader(new StringReader("data: 1\n\ndata: 2\n\n")), () -> !out.isEmpty(), out::add);
        assertEquals(1, out.size());
    }

    @Test
    void runawayDataIsRefused() {
        SseParser p = new SseParser();
        String chunk = "x".repeat(1 << 20);
        assertThrows(IllegalArgumentException.class, () -> {
            for (int i = 0; i < 10; i++) {
                p.feed("data: " + chunk);
            }
        });
    }

    @Test
    void blockEventParsesHashesAndResultCodes() {
        BlockEvent b = BlockEvent.parse("""
                {"height":3,"hash":"ff","timestamp_ms":1,"tx_count":2,"tx_hashes":["aa","bb"],
                 "results":[{"code":"ok","message":""},{"code":"insufficient_funds","message":"no"}]}""");
        assertEquals(new BlockEvent(3, List.of("aa", "bb"), List.of("ok", "insufficient_funds")), b);
        BlockEvent notExecuted = BlockEvent.parse("{\"height\":4,\"tx_hashes\":[\"cc\"],\"results\":null}");
        assertTrue(notExecuted.resultCodes().isEmpty());
        assertEquals(false, notExecuted.hasResults());
        assertThrows(IllegalArgumentException.class, () -> BlockEvent.parse("{\"tx_hashes\":[]}"));
        assertThrows(IllegalArgumentException.class,
                () -> BlockEvent.parse("{\"height\":5,\"tx_hashes\":[\"aa\"],\"results\":[]}"));
    }
}
