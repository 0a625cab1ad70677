package dev.keel.node.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one load test against validators that are already up: prepares transactions, sends
 * them on the plan's schedule round-robin over the nodes, follows commits, samples the
 * nodes, prints a progress line on {@code progress} once a second, and returns the report.
 * The sender loop ends at the end of the measured window; then it drains (waits for what is
 * in flight to commit or time out), for at most the per-transaction timeout and one second more.
 */
public final class LoadGenerator {
    /** An open loop whose p99 send lag is above this did not really offer its rate. */
    static final long BEHIND_LAG_MILLIS = 50;
    private static final long TICK_NANOS = 1_000_000;
    private static final int MAX_NEW_PER_TICK = 50_000;
    private static final long SWEEP_EVERY_NANOS = 100_000_000;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000;
    private static final long SUPPLY_FILL_MILLIS = 10_000;

    private final LoadPlan plan;
    private final List<URI> nodes;
    private final TxSource source;
    private final PrintStream progress;
    private final boolean tty;
    private final Tally tally = new Tally();
    private final ProgressHistogram histogram = new ProgressHistogram();
    private final Latencies sendLag = new Latencies();
    private long supplyStalls;
    private long nextSweep;
    private long nextProgress;
    private long lastSent;
    private long lastCommitted;

    private LoadGenerator(LoadPlan plan, List<URI> nodes, TxSource source, PrintStream progress, boolean tty) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no validators to send to");
        }
        this.plan = plan;
        this.nodes = List.copyOf(nodes);
        this.source = source;
        this.progress = progress;
        this.tty = tty;
    }

    /**
     * Runs {@code plan} against {@code nodes} (base URLs such as {@code http://127.0.0.1:8080}).
     * {@code tty}: rewrite one progress line in place rather than print one per second.
     */
    public static LoadReport run(LoadPlan plan, List<URI> nodes, TxSource source, PrintStream progress, boolean tty)
            throws InterruptedException {
        return new LoadGenerator(plan, nodes, source, progress, tty).run();
    }

    private LoadReport run() throws InterruptedException {
        ExecutorService callbacks = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();
        try (TxSupply supply = new TxSupply(source.factory(), source.capacity(), source.producers())) {
            supply.start();
            long fromHeight = CommitWatcher.currentHeight(client, nodes);
            supply.awaitFill(source.capacity(), SUPPLY_FILL_MILLIS);
            Window w = Window.of(System.nanoTime(), plan.warmup(), plan.duration());
            Pacer pacer = plan.openLoop() ? new Pacer.Open(w.startNanos(), plan.rate()) : new Pacer.Closed(plan.clients());
            Tracker tracker = new Tracker(tally, pacer);
            Submitter submitter = new Submitter(client, callbacks, nodes, tracker, tally);
            try (CommitWatcher watcher = new CommitWatcher(client, nodes, tracker, w, histogram);
                 NodeSampler sampler = new NodeSampler(client, nodes, w)) {
                watcher.start(fromHeight, w.measureEndNanos() + plan.timeout().toNanos() + 10_000_000_000L);
                sampler.start();
                send(w, pacer, supply, tracker, submitter);
                drain(w, tracker, submitter);
                endProgress();
                watcher.close();
                sampler.close();
                return report(w, watcher.result(), sampler.reports(), tracker.measuredLive());
            }
        } finally {
            callbacks.shutdownNow();
        }
    }

    private void send(Window w, Pacer pacer, TxSupply supply, Tracker tracker, Submitter submitter)
            throws InterruptedException {
        long sent = 0;
        for (long now = System.nanoTime(); now < w.measureEndNanos(); now = System.nanoTime()) {
            for (int made = 0; made < MAX_NEW_PER_TICK && pacer.due(now); made++) {
                PreparedTx tx = supply.poll(0);
                if (tx == null) {
                    supplyStalls++; // the generator, not the chain, is short: reported as "behind"
                    break;
                }
                Pacer.Slot slot = pacer.next(now);
                InFlight t = new InFlight(tx, slot, (int) (sent++ % nodes.size()), w.measures(slot.scheduledNanos()));
                if (t.measured) {
                    sendLag.add(now - slot.scheduledNanos());
                }
                if (tracker.add(t)) {
                    submitter.enqueue(t);
                } else {
                    pacer.onDone(slot); // identical bytes already in flight: a factory bug, nothing to send
                }
            }
            submitter.flush(now);
            housekeeping(now, w, tracker);
            LockSupport.parkNanos(TICK_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("load run interrupted");
            }
        }
    }

    /** After the window: retries and sweeps continue until nothing is in flight, or the timeout has passed. */
    private void drain(Window w, Tracker tracker, Submitter submitter) throws InterruptedException {
        long deadline = w.measureEndNanos() + plan.timeout().toNanos() + 1_000_000_000L;
        for (long now = System.nanoTime(); tracker.size() > 0 && now < deadline; now = System.nanoTime()) {
            submitter.flush(now);
            housekeeping(now, w, tracker);
            Thread.sleep(5);
        }
    }

    private void housekeeping(long now, Window w, Tracker tracker) {
        if (now >= nextSweep) {
            tracker.sweep(now, plan.timeout().toNanos());
            nextSweep = now + SWEEP_EVERY_NANOS;
        }
        if (now >= nextProgress) {
            if (nextProgress != 0) {
                printProgress(now, w, tracker);
            }
            nextProgress = now + PROGRESS_EVERY_NANOS;
        }
    }

    private void printProgress(long now, Window w, Tracker tracker) {
        long sent = tally.totalSent();
        long committed = tally.totalCommitted();
        String phase = now < w.measureStartNanos() ? " | warm-up" : now >= w.measureEndNanos() ? " | draining" : "";
        String line = String.format(Locale.ROOT, "[%4ds] sent %d/s | committed %d/s | p50 %s p99 %s | outstanding %d | busy %d%s",
                (now - w.startNanos()) / 1_000_000_000L, sent - lastSent, committed - lastCommitted,
                ms(histogram.percentileMillis(50)), ms(histogram.percentileMillis(99)), tracker.size(), tally.totalBusy(), phase);
        lastSent = sent;
        lastCommitted = committed;
        if (tty) {
            progress.print("\r\033[K" + line);
        } else {
            progress.println(line);
        }
        progress.flush();
    }

    private void endProgress() {
        if (tty) {
            progress.print("\r\033[K");
            progress.flush();
        }
    }

    private static String ms(long millis) {
        return millis < 0 ? "n/a" : "≤" + millis + " ms";
    }

    private LoadReport report(Window w, CommitWatcher.Result r, List<NodeReport> nodeReports, long unresolved) {
        double secs = w.measuredSeconds();
        LoadReport.Counts counts = tally.counts();
        Latencies.Summary lag = sendLag.summarize();
        boolean behind = plan.openLoop() && (lag.p99() > BEHIND_LAG_MILLIS || supplyStalls > 0);
        return new LoadReport(plan.app(), plan.openLoop() ? "open" : "closed", plan.openLoop() ? plan.rate() : null,
                plan.openLoop() ? null : plan.clients(), plan.txSize(), nodes.size(), secs, plan.warmup().toMillis() / 1e3,
                new LoadReport.Throughput(round1(r.committed() / secs), r.medianPerSecond(), round1(counts.submitted() / secs)),
                r.latency(), counts,
                new LoadReport.Generator(behind, Math.max(0, lag.p99()), Math.max(0, lag.max()), supplyStalls,
                        source.description(), unresolved),
                new LoadReport.Blocks(r.blocks(), round1(r.blocks() / secs),
                        r.blocks() == 0 ? 0 : round1((double) r.blockTxs() / r.blocks()), r.blocksWithoutResults(),
                        r.reconnects()),
                nodeReports);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
