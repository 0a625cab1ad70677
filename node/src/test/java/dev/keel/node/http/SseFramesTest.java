package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SseFramesTest {
    @Test
    void anEventIsTypeIdAndDataThenABlankLine() {
        assertEquals("event: block\nid: 7\ndata: {\"a\":1}\n\n", SseFrames.event("block", "7", "{\"a\":1}").utf8String());
    }

    @Test
    void multiLineDataBecomesOneDataLinePerLine() {
        assertEquals("event: x\nid: 1\ndata: a\ndata: b\ndata: \ndata: c\n\n", SseFrames.event("x", "1", "a\nb\r\n\rc").utf8String());
    }

    @Test
    void typeAndIdCannotBreakTheFraming() {
        assertThrows(IllegalArgumentException.class, () -> SseFrames.event("block\ndata: evil", "1", ""));
        assertThrows(IllegalArgumentException.class, () -> SseFrames.event("block", "1\r", ""));
    }

    @Test
    void theHeartbeatIsACommentLine() {
        assertEquals(':', SseFrames.HEARTBEAT.utf8String().charAt(0));
        assertEquals("\n\n", SseFrames.HEARTBEAT.utf8String().substring(SseFrames.HEARTBEAT.size() - 2));
    }
}
