package dev.keel.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.config.Json;
import dev.keel.node.status.NodeStatus;
import dev.keel.node.status.ProcessStats;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's JSON is an interface (scripts and CI read it): its shape is pinned here. */
class LoadReportTest {
    static LoadReport sample() {
        return new LoadReport("kv", "open", 2000, null, 256, 4, 20, 5,
                new LoadReport.Throughput(1987.5, 1990, 2000),
                new Latencies.Summary(39750, 41.2, 80.5, 120.25, 301, 45.1),
                new LoadReport.Counts(40000, 39990, 10, Map.of("tx_too_large", 0L), 7, 7, Map.of(), 39740,
                        Map.of("insufficient_funds", 10L), 240),
                new LoadReport.Generator(false, 1.5, 12.25, 0, "kv sets", 0),
                new LoadReport.Blocks(80, 4, 496.9, 0, 0),
                List.of(new NodeReport("http://127.0.0.1:1", 20, 153.5, 300_000_000, 310_000_000, 90_000_000,
                        150_000_000, 1.5, "flat")));
    }

    @Test
    void jsonHasTheDocumentedFieldsAndValues() {
        Map<?, ?> j = (Map<?, ?>) Json.parse(sample().json());
        assertEquals(List.of("app", "mode", "offered_rate", "clients", "tx_size", "validators", "duration_seconds",
                "warmup_seconds", "throughput", "latency_ms", "counts", "generator", "blocks", "nodes"), List.copyOf(j.keySet()));
        assertEquals("open", j.get("mode"));
        assertEquals(Json.NULL, j.get("clients"));
        assertEquals(new BigDecimal("2000"), j.get("offered_rate"));
        Map<?, ?> lat = (Map<?, ?>) j.get("latency_ms");
        assertEquals(List.of("count", "p50", "p90", "p99", "max", "mean"), List.copyOf(lat.keySet()));
        assertEquals(new BigDecimal("120.25"), lat.get("p99"));
        Map<?, ?> counts = (Map<?, ?>) j.get("counts");
        assertEquals(List.of("submitted", "accepted", "duplicate", "rejected", "busy", "retried", "http_errors",
                "committed_ok", "committed_failed", "timed_out"), List.copyOf(counts.keySet()));
        assertEquals(Map.of("insufficient_funds", new BigDecimal("10")), counts.get("committed_failed"));
        Map<?, ?> tp = (Map<?, ?>) j.get("throughput");
        assertEquals(List.of("committed_per_second", "median_per_second", "sent_per_second"), List.copyOf(tp.keySet()));
        Map<?, ?> gen = (Map<?, ?>) j.get("generator");
        assertEquals(Boolean.FALSE, gen.get("behind"));
        Map<?, ?> node = (Map<?, ?>) ((List<?>) j.get("nodes")).get(0);
        assertEquals(List.of("url", "samples", "cpu_percent_median", "rss_median_bytes", "rss_max_bytes",
                "heap_used_median_bytes", "heap_used_max_bytes", "memory_growth_percent", "memory"), List.copyOf(node.keySet()));
        assertEquals("flat", node.get("memory"));
        assertEquals(List.of("count", "per_second", "mean_txs_per_block", "without_results", "stream_reconnects"),
                List.copyOf(((Map<?, ?>) j.get("blocks")).keySet()));
    }

    @Test
    void jsonIsOneLine() {
        assertTrue(!sample().json().contains("\n"));
    }

    @Test
    void textNamesTheHeadlineFigures() {
        String t = sample().text();
        assertTrue(t.contains("open loop at 2000 tx/s"), t);
        assertTrue(t.contains("1987.5 tx/s overall"), t);
        assertTrue(t.contains("p99 120.3 ms"), t);
        assertTrue(t.contains("timed out 240"), t);
        assertTrue(t.contains("memory flat (+1.5%)"), t);
        assertTrue(t.contains("kept up"), t);
    }

    @Test
    void committedSumsOkAndFailed() {
        assertEquals(39750, sample().counts().committed());
    }

    @Test
    void statusJsonCarriesTheProcessFiguresTheSamplerReads() {
        ProcessStats p = ProcessStats.sample();
        assertTrue(p.heapUsedBytes() > 0 && p.heapCommittedBytes() >= p.heapUsedBytes(), p.toString());
        assertTrue(p.threads() > 0, p.toString());
        assertTrue(p.gcSeconds() >= 0, p.toString());
        NodeStatus s = new NodeStatus("c", 0, 4, 1, "ab", 1, 1, 1, 1, 0, -1, 0, List.of(), null, p);
        Map<?, ?> process = (Map<?, ?>) ((Map<?, ?>) Json.parse(Json.write(s))).get("process");
        assertEquals(List.of("cpu_seconds", "heap_used_bytes", "heap_committed_bytes", "rss_bytes", "gc_seconds", "threads"),
                List.copyOf(process.keySet()));
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(p.rssBytes() > p.heapUsedBytes() / 2, "RSS from /proc/self/status in bytes: " + p);
            assertTrue(p.cpuSeconds() > 0, p.toString());
        }
    }

    @Test
    void statusWithoutProcessFiguresSaysUnknown() {
        NodeStatus s = new NodeStatus("c", 0, 4, 1, "ab", 1, 1, 1, 1, 0, -1, 0, List.of(), null);
        assertEquals(ProcessStats.UNKNOWN, s.process());
    }
}
