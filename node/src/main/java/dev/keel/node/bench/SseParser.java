package dev.keel.node.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A Server-Sent Events parser (the WHATWG "event stream interpretation", minus {@code retry}):
 * lines {@code field: value} (one space after the colon dropped), lines starting with
 * {@code :} are comments (keep-alives), several {@code data} lines join with newlines, and a
 * blank line dispatches the event. An event with no data is dropped, as browsers do. Fed one
 * line at a time, so it is testable without a socket; not thread-safe.
 */
public final class SseParser {
    /** A block of 10,000 hashes is ~700 KB of JSON: a few MB bounds a runaway stream. */
    static final int MAX_DATA_CHARS = 8 << 20;

    /** One dispatched event. {@code id} is the last id seen on the stream (it persists across events). */
    public record Event(String type, String id, String data) {
    }

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String type = "";
    private String lastId = "";

    /** Feeds one line without its terminator; returns the event a blank line completes. */
    public Optional<Event> feed(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(" ", colon + 1) ? 2 : 1));
        switch (field) {
            case "event" -> type = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            case "data" -> {
                if (data.length() + value.length() > MAX_DATA_CHARS) {
                    throw new IllegalArgumentException("event data over " + MAX_DATA_CHARS + " characters");
                }
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> { // "retry" and unknown fields: ignored, as the spec says
            }
        }
        return Optional.empty();
    }

    private Optional<Event> dispatch() {
        Optional<Event> e = hasData ? Optional.of(new Event(type.isEmpty() ? "message" : type, lastId, data.toString()))
                : Optional.empty();
        data.setLength(0);
        hasData = false;
        type = "";
        return e;
    }

    /**
     * Reads {@code in} to its end (or until {@code stop} says so, checked after every line),
     * handing each event to {@code sink}. {@code readLine} accepts \n, \r and \r\n endings.
     */
    public void readAll(BufferedReader in, BooleanSupplier stop, Consumer<Event> sink) throws IOException {
        String line;
        while (!stop.getAsBoolean() && (line = in.readLine()) != null) {
            feed(line).ifPresent(sink);
        }
    }
}
