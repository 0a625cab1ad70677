package dev.keel.node.http;

import java.nio.charset.StandardCharsets;
import org.apache.pekko.util.ByteString;

/**
 * Server-Sent Events on the wire (WHATWG HTML, "event stream interpretation"). Written here
 * rather than with pekko's {@code ServerSentEvent.heartbeat()}, which encodes as {@code data:}
 * plus a blank line: by the spec's dispatch rules that fires an empty {@code message} event in
 * every browser. A heartbeat must be a comment line, which all clients ignore.
 */
final class SseFrames {
    /** A comment line and the blank line that ends it: keeps proxies and idle timeouts from cutting a quiet stream. */
    static final ByteString HEARTBEAT = comment("keep-alive");

    private SseFrames() {
    }

    /** {@code : text} and a blank line; line breaks in {@code text} become spaces (they would end the comment). */
    static ByteString comment(String text) {
        return ByteString.fromString(": " + text.replaceAll("[\r\n]+", " ") + "\n\n", StandardCharsets.UTF_8);
    }

    /** {@code event:}, {@code id:} and one {@code data:} line per line of {@code data}, then a blank line. */
    static ByteString event(String type, String id, String data) {
        if (type.contains("\n") || type.contains("\r") || id.contains("\n") || id.contains("\r")) {
            throw new IllegalArgumentException("SSE event type and id are single lines");
        }
        StringBuilder sb = new StringBuilder(data.length() + type.length() + id.length() + 24);
        sb.append("event: ").append(type).append('\n').append("id: ").append(id).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return ByteString.fromString(sb.append('\n').toString(), StandardCharsets.UTF_8);
    }
}
