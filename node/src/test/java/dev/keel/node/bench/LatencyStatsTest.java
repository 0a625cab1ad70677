package dev.keel.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles, medians, pacing and the resource summaries on inputs whose answers are known. */
class LatencyStatsTest {
    private static final long MS = 1_000_000;

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        assertEquals(50, Percentiles.of(v, 100, 50));
        assertEquals(90, Percentiles.of(v, 100, 90));
        assertEquals(99, Percentiles.of(v, 100, 99));
        assertEquals(100, Percentiles.of(v, 100, 100));
        assertEquals(1, Percentiles.of(v, 100, 0.5));
        assertEquals(-1, Percentiles.of(v, 0, 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(v, 100, 0));
    }

    @Test
    void percentilesOfASmallSampleAreObservedValues() {
        long[] v = {10, 20, 30};
        assertEquals(20, Percentiles.of(v, 3, 50)); // rank ceil(1.5) = 2
        assertEquals(30, Percentiles.of(v, 3, 90)); // rank ceil(2.7) = 3
        assertEquals(10, Percentiles.of(v, 3, 33)); // rank ceil(0.99) = 1
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Percentiles.median(new double[] {5, 1, 3}));
        assertEquals(2.5, Percentiles.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(Percentiles.median(new double[0])));
    }

    @Test
    void latencySummaryInMillisecondsFromUnsortedNanos() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) { // reverse order: the summary must sort
            l.add(i * MS);
        }
        Latencies.Summary s = l.summarize();
        assertEquals(100, s.count());
        assertEquals(50.0, s.p50());
        assertEquals(90.0, s.p90());
        assertEquals(99.0, s.p99());
        assertEquals(100.0, s.max());
        assertEquals(50.5, s.mean());
    }

    @Test
    void emptyLatenciesSummarizeAsMinusOneAndNegativeOnesAreRefused() {
        Latencies l = new Latencies();
        assertEquals(new Latencies.Summary(0, -1, -1, -1, -1, -1), l.summarize());
        assertThrows(IllegalArgumentException.class, () -> l.add(-1));
    }

    @Test
    void latenciesGrowPastTheirInitialCapacity() {
        Latencies l = new Latencies();
        for (int i = 0; i < 10_000; i++) {
            l.add(i);
        }
        assertEquals(10_000, l.count());
        assertEquals(0.01, l.summarize().max()); // 9,999 ns, kept to the microsecond
    }

    @Test
    void openLoopSchedulesSlotsAtFixedIntervalsWhateverTheSenderDid() {
        Pacer.Open p = new Pacer.Open(1_000 * MS, 1000); // one slot per ms from t = 1 s
        assertFalse(p.due(999 * MS));
        // The sender wakes up late, at 1.010 s: eleven slots are due, each keeping its own time.
        for (int i = 0; i <= 10; i++) {
            assertTrue(p.due(1_010 * MS));
            assertEquals(new Pacer.Slot((1_000 + i) * MS, -1), p.next(1_010 * MS));
        }
        assertFalse(p.due(1_010 * MS));
    }

    @Test
    void latencyCountsFromTheScheduledTimeNotTheLateSend() {
        // Coordinated omission: a tx due at 1.000 s, sent at 1.200 s (generator stalled), committed at
        // 1.250 s took 250 ms from the user's point of view, not 50 ms.
        Pacer.Open p = new Pacer.Open(1_000 * MS, 10);
        Pacer.Slot slot = p.next(1_200 * MS);
        InFlight t = new InFlight(PreparedTx.of(Bytes.wrap(new byte[] {1})), slot, 0, true);
        assertEquals(250 * MS, t.latencyNanos(1_250 * MS));
    }

    @Test
    void closedLoopHandsOutEachClientOnceUntilItsTxEnds() {
        Pacer.Closed p = new Pacer.Closed(2);
        Pacer.Slot a = p.next(5 * MS);
        Pacer.Slot b = p.next(6 * MS);
        assertFalse(p.due(7 * MS));
        assertEquals(6 * MS, b.scheduledNanos()); // closed loop: scheduled = sent
        p.onDone(a);
        assertTrue(p.due(8 * MS));
        assertEquals(a.client(), p.next(8 * MS).client());
    }

    @Test
    void trackerEndsEachTransactionExactlyOnce() {
        Tally tally = new Tally();
        Pacer.Closed pacer = new Pacer.Closed(1);
        Tracker tracker = new Tracker(tally, pacer);
        InFlight t = new InFlight(PreparedTx.of(Bytes.wrap(new byte[] {7})), pacer.next(0), 0, true);
        assertTrue(tracker.add(t));
        assertFalse(tracker.add(t), "the same bytes twice are one transaction");
        assertEquals(t, tracker.commit(t.tx.hash(), "ok"));
        tracker.reject(t, "late"); // lost the race: must not count
        assertEquals(0, tracker.sweep(Long.MAX_VALUE / 2, 1));
        assertEquals(1, tally.counts().committedOk());
        assertTrue(tally.counts().rejected().isEmpty());
        assertEquals(1, pacer.idle(), "the client was released once");
    }

    @Test
    void sweepTimesOutOnlyWhatIsOldEnough() {
        Tally tally = new Tally();
        Pacer.Open pacer = new Pacer.Open(0, 1000);
        Tracker tracker = new Tracker(tally, pacer);
        InFlight old = new InFlight(PreparedTx.of(Bytes.wrap(new byte[] {1})), pacer.next(0), 0, true);
        InFlight young = new InFlight(PreparedTx.of(Bytes.wrap(new byte[] {2})), new Pacer.Slot(900 * MS, -1), 0, false);
        tracker.add(old);
        tracker.add(young);
        assertEquals(1, tracker.sweep(1_000 * MS, 500 * MS));
        assertEquals(1, tally.counts().timedOut());
        assertEquals(1, tracker.size());
    }

    @Test
    void unmeasuredTransactionsStayOutOfTheCounts() {
        Tally tally = new Tally();
        InFlight warm = new InFlight(PreparedTx.of(Bytes.wrap(new byte[] {3})), new Pacer.Slot(0, -1), 0, false);
        warm.attempts = 1;
        tally.onSent(warm);
        tally.onCommitted(warm, "ok");
        assertEquals(0, tally.counts().submitted());
        assertEquals(0, tally.counts().committedOk());
        assertEquals(1, tally.totalSent(), "the progress line still sees it");
    }

    @Test
    void windowAssignsCommitsToWholeSeconds() {
        Window w = Window.of(0, Duration.ofSeconds(1), Duration.ofMillis(2500));
        assertEquals(-1, w.secondOf(999 * MS));
        assertEquals(0, w.secondOf(1_000 * MS));
        assertEquals(2, w.secondOf(3_499 * MS));
        assertEquals(-1, w.secondOf(3_500 * MS));
        assertEquals(3, w.seconds());
        // The half second at the end is left out of the per-second median: median(90, 100), not median(90, 100, 7).
        assertEquals(95.0, CommitWatcher.medianOfWholeSeconds(new long[] {90, 100, 7}, w.measuredSeconds()));
    }

    @Test
    void cpuPercentIsTheMedianOfPerIntervalRates() {
        List<NodeReport.Sample> s = List.of(sample(0, 0.0, 100), sample(1, 0.5, 100), sample(2, 1.5, 100),
                sample(3, 1.8, 100));
        assertEquals(50.0, NodeReport.cpuPercentMedian(s)); // intervals: 50 %, 100 %, 30 %
        assertNull(NodeReport.cpuPercentMedian(List.of(sample(0, 1, 1))));
    }

    @Test
    void memoryIsFlatWhenTheLastThirdMatchesTheFirst() {
        NodeReport flat = NodeReport.of("a", List.of(sample(0, 0, 100), sample(1, 0, 104), sample(2, 0, 120),
                sample(3, 0, 98), sample(4, 0, 101), sample(5, 0, 103)));
        assertEquals("flat", flat.memory());
        assertEquals(0.0, flat.memoryGrowthPercent()); // first third (100, 104) and last (101, 103) both average 102
        assertEquals(120, flat.rssMaxBytes());
        assertEquals(102, flat.rssMedianBytes()); // median of 98,100,101,103,104,120 = (101+103)/2
        NodeReport growing = NodeReport.of("b", List.of(sample(0, 0, 100), sample(1, 0, 100), sample(2, 0, 110),
                sample(3, 0, 120), sample(4, 0, 130), sample(5, 0, 130)));
        assertEquals("growing", growing.memory());
        assertEquals(30.0, growing.memoryGrowthPercent());
    }

    @Test
    void tooFewOrUnknownMemorySamplesGiveNoVerdict() {
        assertEquals("unknown", NodeReport.of("a", List.of(sample(0, 0, 100), sample(1, 0, 100))).memory());
        NodeReport noRss = NodeReport.of("b", List.of(sample(0, -1, -1), sample(1, -1, -1)));
        assertEquals(-1, noRss.rssMaxBytes());
        assertNull(noRss.cpuPercentMedian());
    }

    @Test
    void progressHistogramReportsTheBucketOfTheRank() {
        ProgressHistogram h = new ProgressHistogram();
        assertEquals(-1, h.percentileMillis(50));
        for (int i = 0; i < 99; i++) {
            h.add(3 * MS + 1);
        }
        h.add(500 * MS);
        assertEquals(4, h.percentileMillis(50));
        assertEquals(4, h.percentileMillis(99));
        assertEquals(501, h.percentileMillis(100));
    }

    private static NodeReport.Sample sample(int second, double cpu, long rss) {
        return new NodeReport.Sample(second * 1_000 * MS, cpu, rss, rss / 2);
    }
}
