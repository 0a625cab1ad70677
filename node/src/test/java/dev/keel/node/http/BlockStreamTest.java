package dev.keel.node.http;

import static dev.keel.node.http.TestServer.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.chain.BlockView;
import dev.keel.node.config.Json;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/blocks/stream: replay from {@code from} or {@code Last-Event-ID}, then live, with no gap
 * and no repeat; heartbeats; bad starts. Replay pages are 4 blocks (TestServer's limits).
 */
class BlockStreamTest extends SharedServerTest {
    private static final Duration QUIET = Duration.ofMillis(400);
    private static final List<BlockView> CHAIN = TestBlocks.chain(30);

    @BeforeEach
    void reset() {
        api.chain.stored.clear();
        api.chain.pages.clear();
    }

    private static void storeUpTo(int height) {
        for (int h = api.chain.stored.size() + 1; h <= height; h++) {
            api.chain.store(CHAIN.get(h - 1));
        }
    }

    private static BlockView block(int height) {
        return CHAIN.get(height - 1);
    }

    /** Waits until the stream under test has subscribed to the live feed. */
    private static void awaitLive(int subscriptionsBefore) throws InterruptedException {
        for (int i = 0; i < 200 && api.chain.subscriptions.get() <= subscriptionsBefore; i++) {
            Thread.sleep(25);
        }
        assertTrue(api.chain.subscriptions.get() > subscriptionsBefore, "the stream never subscribed to the live feed");
    }

    private static List<Long> heights(SseClient sse, int n) throws InterruptedException {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SseClient.Event e = sse.next();
            assertEquals("block", e.event());
            assertEquals(String.valueOf(e.height()), e.id(), "id is the height");
            out.add(e.height());
        }
        return out;
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long h = from; h <= to; h++) {
            out.add(h);
        }
        return out;
    }

    @Test
    void withoutAStartItFollowsTheLiveFeed() throws Exception {
        storeUpTo(5);
        int subs = api.chain.subscriptions.get();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream", Map.of())) {
            awaitLive(subs);
            assertNull(sse.poll(QUIET), "no replay without a start");
            api.chain.commit(block(6));
            api.chain.commit(block(7));
            SseClient.Event six = sse.next();
            assertEquals("6", six.id());
            Map<?, ?> data = six.json();
            assertEquals(block(6).block().id().toHex(), data.get("hash"));
            assertFalse(data.containsKey("txs"), "stream data is the block without transactions");
            assertEquals(Json.parse(Json.write(BlockJson.of(block(6), false, api.checkpoints.finality(6)))), data);
            assertEquals(List.of(7L), heights(sse, 1));
        }
        assertEquals(List.of(), api.chain.pages, "nothing read from storage");
    }

    @Test
    void fromReplaysStoredBlocksInPagesThenGoesLiveWithoutGapOrRepeat() throws Exception {
        storeUpTo(10);
        int subs = api.chain.subscriptions.get();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream?from=3", Map.of())) {
            assertEquals(range(3, 10), heights(sse, 8));
            awaitLive(subs);
            assertEquals(List.of(new FakeChain.PageRequest(3, 4), new FakeChain.PageRequest(7, 4),
                    new FakeChain.PageRequest(11, 4)), api.chain.pages);
            api.chain.publish(block(9)); // the live feed repeating what the replay sent: dropped
            api.chain.publish(block(10));
            api.chain.commit(block(11));
            api.chain.commit(block(12));
            assertEquals(List.of(11L, 12L), heights(sse, 2));
            assertNull(sse.poll(QUIET), "nothing repeated");
        }
    }

    @Test
    void blocksFinalizedBetweenReplayAndLiveAreFilledFromStorage() throws Exception {
        storeUpTo(5);
        int subs = api.chain.subscriptions.get();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream?from=1", Map.of())) {
            assertEquals(range(1, 5), heights(sse, 5));
            awaitLive(subs);
            storeUpTo(8); // 6..8 finalized while the stream switched over; the feed never sent them
            api.chain.commit(block(9)); // the live feed is ahead of the replay's end
            api.chain.commit(block(10));
            assertEquals(range(6, 10), heights(sse, 5));
            assertNull(sse.poll(QUIET));
        }
    }

    @Test
    void lastEventIdResumesAfterItAndWinsOverFrom() throws Exception {
        storeUpTo(12);
        int subs = api.chain.subscriptions.get();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream?from=2", Map.of("Last-Event-ID", "7"))) {
            assertEquals(range(8, 12), heights(sse, 5));
            awaitLive(subs);
            api.chain.commit(block(13));
            assertEquals(List.of(13L), heights(sse, 1));
        }
    }

    @Test
    void aReconnectingClientMissesNothingAndSeesNothingTwice() throws Exception {
        storeUpTo(4);
        int subs = api.chain.subscriptions.get();
        List<Long> seen = new ArrayList<>();
        String last;
        try (SseClient first = new SseClient(api, "/v1/blocks/stream?from=1", Map.of())) {
            seen.addAll(heights(first, 4));
            awaitLive(subs);
            api.chain.commit(block(5));
            seen.addAll(heights(first, 1));
            last = "5";
        }
        storeUpTo(9); // committed while the client was away
        subs = api.chain.subscriptions.get();
        try (SseClient again = new SseClient(api, "/v1/blocks/stream?from=1", Map.of("Last-Event-ID", last))) {
            seen.addAll(heights(again, 4));
            awaitLive(subs);
            api.chain.commit(block(10));
            seen.addAll(heights(again, 1));
        }
        assertEquals(range(1, 10), seen);
    }

    @Test
    void replayStopsBeforeAnUnexecutedBlockSoItsResultsComeWithTheLiveCopy() throws Exception {
        storeUpTo(3);
        BlockView unexecuted = TestBlocks.child(block(3).block(), 4 % 3, false);
        BlockView executed = block(4);
        assertEquals(unexecuted.block(), executed.block());
        api.chain.store(unexecuted);
        int subs = api.chain.subscriptions.get();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream?from=1", Map.of())) {
            assertEquals(range(1, 3), heights(sse, 3));
            awaitLive(subs);
            api.chain.stored.set(3, executed);
            api.chain.publish(executed);
            SseClient.Event four = sse.next();
            assertEquals("4", four.id());
            assertNotEquals(Json.NULL, four.json().get("results"));
        }
    }

    @Test
    void aGapStorageCannotFillEndsTheStreamRatherThanSkipping() throws Exception {
        storeUpTo(2);
        int subs = api.chain.subscriptions.get();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream?from=1", Map.of())) {
            assertEquals(range(1, 2), heights(sse, 2));
            awaitLive(subs);
            int comments = sse.heartbeats.get();
            api.chain.publish(block(5)); // 3 and 4 are not stored
            SseClient.Event e = sse.poll(Duration.ofSeconds(10));
            assertTrue(SseClient.ended(e), "expected the stream to end, got " + e);
            assertEquals(comments + 1, sse.heartbeats.get(), "a closing comment says why");
        }
    }

    @Test
    void aStartBeyondTheHeadWaitsForIt() throws Exception {
        storeUpTo(3);
        int subs = api.chain.subscriptions.get();
        try (SseClient sse = new SseClient(api, "/v1/blocks/stream?from=5", Map.of())) {
            awaitLive(subs);
            api.chain.commit(block(4)); // below the start: not sent
            assertNull(sse.poll(QUIET));
            api.chain.commit(block(5));
            assertEquals(List.of(5L), heights(sse, 1));
        }
    }

    @Test
    void replayIsPulledAsTheClientReadsNotBufferedAhead() throws Exception {
        // 3000 blocks of 40 transactions: ~9 MB of events, more than socket buffers hold.
        List<BlockView> big = new ArrayList<>();
        var prev = TestBlocks.GENESIS;
        for (int h = 1; h <= 3000; h++) {
            BlockView v = TestBlocks.child(prev, 40, true);
            big.add(v);
            prev = v.block();
        }
        big.forEach(api.chain::store);
        long base = api.chain.served.get();
        try (RawHttp raw = new RawHttp(api.server.address().getPort())) {
            raw.write("GET /v1/blocks/stream?from=1 HTTP/1.1\r\nHost: x\r\n\r\n"); // and never read the response
            long before;
            long after = 0;
            do {
                before = after;
                Thread.sleep(300);
                after = api.chain.served.get() - base;
            } while (after != before);
            assertTrue(after > 0, "the replay started");
            assertTrue(after < 3000, "the server stopped fetching when the client stopped reading; fetched " + after);
        }
    }

    @Test
    void aSubscriberTheLiveFeedDropsGetsAClosingCommentAndCanResume() throws Exception {
        storeUpTo(2);
        int subs = api.chain.subscriptions.get();
        try (RawHttp raw = new RawHttp(api.server.address().getPort())) {
            raw.write("GET /v1/blocks/stream HTTP/1.1\r\nHost: x\r\n\r\n");
            awaitLive(subs);
            // The fake feed buffers 64 blocks per subscriber; the server forwards what it can, but this
            // client reads nothing, so with enough blocks the feed gives up on it.
            BlockView prev = block(2);
            for (int i = 0; i < 5000 && api.chain.liveSubscribers() > 0; i++) {
                prev = TestBlocks.child(prev.block(), 40, true);
                api.chain.publish(prev);
            }
            assertEquals(0, api.chain.liveSubscribers(), "the feed dropped the stalled subscriber");
            // Now read: what was in flight, then the closing comment, then the last chunk (a clean end).
            String tail = raw.readUntil("\r\n0\r\n\r\n");
            assertTrue(tail.contains(": stream ended: live subscriber too slow"), tail.substring(Math.max(0, tail.length() - 300)));
        }
    }

    @Test
    void badStartsAre400() throws Exception {
        for (String q : List.of("from=0", "from=-1", "from=abc", "from=1.5", "from=")) {
            error(api.get("/v1/blocks/stream?" + q), 400, "bad_request");
        }
        var r = api.send(api.request("/v1/blocks/stream").header("Last-Event-ID", "seven").GET().build());
        error(r, 400, "bad_request");
    }

    @Test
    void quietStreamsCarryHeartbeats() throws Exception {
        try (TestServer fast = new TestServer(TestServer.limits().withHeartbeat(Duration.ofMillis(150)));
             SseClient sse = new SseClient(fast, "/v1/blocks/stream", Map.of())) {
            assertNull(sse.poll(Duration.ofMillis(1200)), "heartbeats are not events");
            assertTrue(sse.heartbeats.get() >= 3, "heartbeats: " + sse.heartbeats.get());
        }
    }

    @Test
    void heartbeatIsAnSseCommentLine() throws Exception {
        try (TestServer fast = new TestServer(TestServer.limits().withHeartbeat(Duration.ofMillis(100)))) {
            var r = fast.client.send(fast.request("/v1/blocks/stream").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                // A comment line, which every SSE client ignores; not "data:" + blank line (an empty message).
                byte[] first = in.readNBytes(14);
                assertEquals(": keep-alive\n\n", new String(first, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
