package dev.keel.node.testnet;

import dev.keel.node.config.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Polls every validator's {@code /status} once a second and keeps what the status line and
 * the summary need: heights over time (blocks/s), commit latency samples, peers, memory,
 * checkpoint anchoring ({@link Anchoring}).
 * Used from the launcher's one watching thread only.
 */
final class StatusPoller {
    private final TestnetLayout layout;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private long startNanos = System.nanoTime();
    private final List<Long> latencies = new ArrayList<>();
    private long firstHeight = -1;
    private long firstHeightNanos;
    private long lastHeight;
    private long lastHeightNanos;
    private final List<Long> recentHeights = new ArrayList<>();
    private final List<Long> recentNanos = new ArrayList<>();

    StatusPoller(TestnetLayout layout) {
        this.layout = layout;
    }

    /** Forgets what was sampled so far: measurement starts now. */
    void restart() {
        latencies.clear();
        firstHeight = -1;
        startNanos = System.nanoTime();
        recentHeights.clear();
        recentNanos.clear();
    }

    /** One poll of every node. */
    record Sample(int up, int validators, long minHeight, long maxHeight, long round, double blocksPerSecond,
                  long latencyMillis, int minPeers, String halted, Anchoring anchoring) {
        /** One line (it is redrawn in place); a halt stays last, where it is seen. */
        String line(long elapsedSeconds) {
            return String.format(Locale.ROOT, "[%4ds] height %d%s | round %d | %.1f blocks/s | finality %s | peers %d/%d | %d/%d up%s%s",
                    elapsedSeconds, maxHeight, minHeight < maxHeight ? " (min " + minHeight + ")" : "", round, blocksPerSecond,
                    latencyMillis < 0 ? "n/a" : latencyMillis + " ms", Math.max(0, minPeers), validators - 1, up, validators,
                    anchoring.text(), halted == null ? "" : " | HALTED: " + halted);
        }
    }

    Sample poll(List<Process> processes) {
        int up = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        long round = 0;
        long latency = -1;
        int minPeers = Integer.MAX_VALUE;
        String halted = null;
        Anchoring anchoring = Anchoring.NONE;
        for (int i = 0; i < layout.validators(); i++) {
            Map<?, ?> s = status(i);
            if (s == null) {
                continue;
            }
            up++;
            long h = number(s, "height");
            min = Math.min(min, h);
            max = Math.max(max, h);
            round = Math.max(round, number(s, "round"));
            minPeers = Math.min(minPeers, (int) number(s, "peers_connected"));
            long l = s.containsKey("last_commit_latency_millis") ? number(s, "last_commit_latency_millis") : -1;
            if (l >= 0) {
                latency = Math.max(latency, l);
                latencies.add(l);
            }
            if (s.get("halted") instanceof String reason) {
                halted = "validator " + i + ": " + reason;
            }
            anchoring = anchoring.plus(s);
        }
        long now = System.nanoTime();
        if (up > 0) {
            track(max, now);
        }
        return new Sample(up, layout.validators(), up == 0 ? 0 : min, max, round, rate(), latency,
                minPeers == Integer.MAX_VALUE ? 0 : minPeers, halted, anchoring);
    }

    private void track(long height, long now) {
        if (firstHeight < 0 && height > 0) {
            firstHeight = height;
            firstHeightNanos = now;
        }
        lastHeight = height;
        lastHeightNanos = now;
        recentHeights.add(height);
        recentNanos.add(now);
        if (recentHeights.size() > 10) {
            recentHeights.remove(0);
            recentNanos.remove(0);
        }
    }

    /** Blocks per second over the last ten polls. */
    private double rate() {
        int n = recentHeights.size();
        if (n < 2) {
            return 0;
        }
        double secs = (recentNanos.get(n - 1) - recentNanos.get(0)) / 1e9;
        return secs <= 0 ? 0 : (recentHeights.get(n - 1) - recentHeights.get(0)) / secs;
    }

    private Map<?, ?> status(int i) {
        var ep = layout.http().get(i);
        try {
            var req = HttpRequest.newBuilder(URI.create("http://" + ep.host() + ":" + ep.port() + "/status"))
                    .timeout(Duration.ofMillis(800)).GET().build();
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            return resp.statusCode() == 200 && Json.parse(resp.body()) instanceof Map<?, ?> m ? m : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    TestnetSummary summary(List<Process> processes) {
        List<Long> lat = new ArrayList<>(latencies);
        Collections.sort(lat);
        double secs = firstHeight < 0 ? 0 : (lastHeightNanos - firstHeightNanos) / 1e9;
        double bps = secs <= 0 ? 0 : (lastHeight - firstHeight) / secs;
        List<Long> rss = new ArrayList<>();
        for (Process p : processes) {
            rss.add(rssKib(p.pid()));
        }
        return new TestnetSummary(layout.validators(), (System.nanoTime() - startNanos) / 1e9, lastHeight, bps,
                percentile(lat, 50), percentile(lat, 99), lat.size(), rss);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /** Resident memory of a process from /proc (Linux), -1 elsewhere. */
    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
