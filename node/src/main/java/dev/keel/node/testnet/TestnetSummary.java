package dev.keel.node.testnet;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code keel testnet --duration} measured. Commit latency is sampled once a second per
 * validator: proposal timestamp of its last committed block to the moment it committed it.
 */
public record TestnetSummary(int validators, double seconds, long height, double blocksPerSecond, long latencyP50Millis,
                             long latencyP99Millis, int latencySamples, List<Long> rssKib) {
    public TestnetSummary {
        rssKib = List.copyOf(rssKib);
    }

    public String json() {
        return String.format(Locale.ROOT, "{\"validators\":%d,\"seconds\":%.1f,\"height\":%d,\"blocks_per_second\":%.2f,"
                        + "\"commit_latency_ms\":{\"p50\":%d,\"p99\":%d,\"samples\":%d},\"rss_kib\":[%s]}",
                validators, seconds, height, blocksPerSecond, latencyP50Millis, latencyP99Millis, latencySamples,
                rssKib.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
