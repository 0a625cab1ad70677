package dev.keel.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * End to end against two fake validators on real sockets: batches go out round-robin, commits
 * come back over SSE, and the report's counts add up. No assertion on speed.
 */
class LoadGeneratorTest {
    /** 40-byte txs; every 50th is rejected by the fake ('R'), every 50th (offset 13) fails on commit ('F'). */
    private static final long RUN = System.nanoTime();
    private static final TxFactory FACTORY = seq -> {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.put((byte) (seq % 50 == 7 ? 'R' : seq % 50 == 13 ? 'F' : 'T')).putLong(seq).putLong(RUN);
        return Bytes.wrap(b.array());
    };
    private static final TxSource SOURCE = new TxSource(FACTORY, 1, 2000, "test txs");

    @Test
    void openLoopReportsEveryMeasuredTransactionCommittedWithLatency() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LoadPlan plan = new LoadPlan("kv", 200, 0, 40, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5));
        LoadReport r;
        try (FakeValidators fake = new FakeValidators(2)) {
            r = LoadGenerator.run(plan, fake.urls(), SOURCE, new PrintStream(progress, true, StandardCharsets.UTF_8), false);
            assertTrue(fake.batches(0) > 0 && fake.batches(1) > 0, "round-robin reaches both validators");
            assertTrue(fake.admitted() > r.counts().submitted() - r.counts().rejected().getOrDefault("bad_tx", 0L),
                    "warm-up transactions were sent but are not counted");
        }
        LoadReport.Counts c = r.counts();
        // 400 slots are scheduled inside the 2 s window at 200/s; the loop may end a slot or two early.
        assertTrue(c.submitted() >= 300 && c.submitted() <= 400, "submitted " + c.submitted());
        long rejected = c.rejected().getOrDefault("bad_tx", 0L);
        long failed = c.committedFailed().getOrDefault("insufficient_funds", 0L);
        assertTrue(rejected > 0 && failed > 0, c.toString());
        assertEquals(c.submitted(), c.committedOk() + failed + rejected, c.toString());
        assertEquals(0, c.timedOut());
        assertEquals(c.accepted() + rejected, c.submitted(), "every busy one was accepted on its retry: " + c);
        assertTrue(c.busy() > 0, "the fake refuses one new tx in " + FakeValidators.BUSY_EVERY);
        assertEquals(c.busy(), c.retried(), "each busy answer is followed by one re-send");
        assertEquals(c.committedOk() + failed, r.latencyMs().count(), "one latency per committed measured tx");
        assertTrue(r.latencyMs().p50() > 0 && r.latencyMs().p99() >= r.latencyMs().p50()
                && r.latencyMs().max() >= r.latencyMs().p99(), r.latencyMs().toString());
        assertTrue(r.throughput().committedPerSecond() > 0 && r.blocks().count() > 0, r.toString());
        assertEquals(0, r.generator().unresolved());
        assertEquals(2, r.nodes().size());
        // Two 1-second samples in a 2 s window: too few to call memory flat or growing.
        assertEquals("unknown", r.nodes().get(0).memory(), r.nodes().get(0).toString());
        assertEquals(50_000_000, r.nodes().get(0).rssMaxBytes());
        assertNotNull(r.nodes().get(0).cpuPercentMedian());
        assertEquals(200, r.offeredRate());
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("committed"), "a progress line was printed");
    }

    @Test
    void closedLoopClientsEachWaitForTheirOwnCommit() throws Exception {
        LoadPlan plan = new LoadPlan("kv", 0, 4, 40, Duration.ofMillis(1500), Duration.ZERO, Duration.ofSeconds(5));
        LoadReport r;
        try (FakeValidators fake = new FakeValidators(1)) {
            r = LoadGenerator.run(plan, fake.urls(), SOURCE, new PrintStream(new ByteArrayOutputStream()), false);
        }
        LoadReport.Counts c = r.counts();
        assertTrue(c.submitted() > 4, c.toString());
        long ended = c.committedOk() + c.committedFailed().values().stream().mapToLong(Long::longValue).sum()
                + c.rejected().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(c.submitted(), ended, c.toString());
        assertEquals("closed", r.mode());
        assertNull(r.offeredRate());
        assertEquals(4, r.clients());
        assertTrue(r.latencyMs().p50() > 0, r.latencyMs().toString());
        assertEquals(false, r.generator().behind(), "a closed loop is never 'behind' its schedule");
    }
}
