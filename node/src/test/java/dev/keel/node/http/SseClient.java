package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Server-Sent Events reader over the JDK client: a thread parses the stream (WHATWG rules, the
 * parts we use) into events; comment lines (heartbeats, the closing reason) are counted.
 */
final class SseClient implements AutoCloseable {
    record Event(String event, String id, String data) {
        Map<?, ?> json() {
            return (Map<?, ?>) dev.keel.node.config.Json.parse(data);
        }

        long height() {
            return ((java.math.BigDecimal) json().get("height")).longValueExact();
        }
    }

    /** Put on the queue when the stream ends (server closed or failed it). */
    private static final Event END = new Event("", "", "");

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final AtomicInteger heartbeats = new AtomicInteger();
    final HttpResponse<InputStream> response;

    SseClient(TestServer api, String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = api.request(pathAndQuery).timeout(Duration.ofMinutes(5)).header("Accept", "text/event-stream");
        headers.forEach(b::header);
        response = api.client.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow());
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) { // a blank line without data dispatches nothing (WHATWG)
                        events.add(new Event(event, id, data.toString()));
                    }
                    event = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    heartbeats.incrementAndGet();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    String d = line.substring(5);
                    d = d.startsWith(" ") ? d.substring(1) : d;
                    data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
                }
            }
        } catch (IOException e) {
            // closed by us, or the server cut the stream: both end it
        } finally {
            events.add(END);
        }
    }

    /** The next event; fails if none comes within 10 s or the stream ended. */
    Event next() throws InterruptedException {
        Event e = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "no event within 10 s");
        if (e == END) {
            throw new AssertionError("stream ended");
        }
        return e;
    }

    /** An event within {@code wait}, null if none, {@link #ended()} if the stream ended. */
    Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    static boolean ended(Event e) {
        return e == END;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
