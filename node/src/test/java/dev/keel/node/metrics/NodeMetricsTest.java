package dev.keel.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {
    private final NodeMetrics metrics = new NodeMetrics(4);

    @AfterEach
    void close() {
        metrics.close();
    }

    private void assertLine(String line) {
        String scrape = metrics.scrape();
        assertTrue(scrape.lines().anyMatch(l -> l.equals(line)), () -> "no line '" + line + "' in:\n" + scrape);
    }

    @Test
    void progressGaugesAndCounters() {
        metrics.onRound(12);
        metrics.onCommit(5);
        metrics.onCommit(6);
        metrics.onCommit(4); // a late report never moves the height back
        metrics.onTimeoutSigned();
        assertLine("keel_round 12.0");
        assertLine("keel_committed_height 6.0");
        assertLine("keel_commits_total 3.0");
        assertLine("keel_timeouts_signed_total 1.0");
    }

    @Test
    void votesPerValidatorStartAtZero() {
        metrics.onVoteFrom(2);
        metrics.onVoteFrom(2);
        metrics.onVoteFrom(9); // outside the set: ignored
        assertLine("keel_votes_received_total{validator=\"0\"} 0.0");
        assertLine("keel_votes_received_total{validator=\"2\"} 2.0");
        assertTrue(!metrics.scrape().contains("validator=\"9\""));
    }

    @Test
    void rejectionsByReasonAreBounded() {
        metrics.onRejected("stale_round");
        metrics.onRejected("stale_round");
        for (int i = 0; i < NodeMetrics.MAX_REASONS + 10; i++) {
            metrics.onRejected("r" + i);
        }
        assertLine("keel_messages_rejected_total{reason=\"stale_round\"} 2.0");
        long series = metrics.scrape().lines().filter(l -> l.startsWith("keel_messages_rejected_total{")).count();
        assertTrue(series <= NodeMetrics.MAX_REASONS + 1, "at most MAX_REASONS + other, got " + series);
        assertTrue(metrics.scrape().contains("reason=\"other\""));
    }

    @Test
    void peerBytesAreReadAtScrapeTime() {
        AtomicLong in = new AtomicLong();
        AtomicLong out = new AtomicLong();
        metrics.registerPeerBytes(3, in, AtomicLong::get, x -> out.get());
        in.set(100);
        out.set(250);
        assertLine("keel_peer_received_bytes_total{peer=\"3\"} 100.0");
        assertLine("keel_peer_sent_bytes_total{peer=\"3\"} 250.0");
    }

    @Test
    void aThrowingPeerReadingKeepsItsLastValueAndTheScrapeWorks() {
        AtomicLong in = new AtomicLong(10);
        metrics.registerPeerBytes(1, in, v -> {
            if (v.get() < 0) {
                throw new IllegalStateException("peer gone");
            }
            return v.get();
        }, v -> 0);
        assertLine("keel_peer_received_bytes_total{peer=\"1\"} 10.0");
        in.set(-1);
        assertLine("keel_peer_received_bytes_total{peer=\"1\"} 10.0");
    }

    @Test
    void storageWritesAreTimed() {
        metrics.timeStorage(() -> { });
        assertEquals("x", metrics.timeStorage(() -> "x"));
        metrics.recordStorageWrite(Duration.ofMillis(3));
        assertLine("keel_storage_write_seconds_count 3");
        assertTrue(metrics.scrape().contains("keel_storage_write_seconds{quantile=\"0.99\"}"), metrics.scrape());
    }

    @Test
    void jvmMetricsArePresent() {
        String s = metrics.scrape();
        for (String name : new String[] {"jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "system_cpu_count"}) {
            assertTrue(s.contains(name), name);
        }
    }
}
