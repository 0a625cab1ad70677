package dev.keel.node.bench;

import java.util.List;

/**
 * One validator's resource use over the measured window, from its {@code /status}
 * {@code process} figures sampled about once a second. Fields the node did not report are
 * -1 (sizes) or null (ratios).
 *
 * @param cpuPercentMedian median over the samples of Δcpu_seconds / Δwall × 100 (400 = four cores busy)
 * @param memoryGrowthPercent mean of the last third of the memory samples over the mean of the first third, − 1, in %
 * @param memory {@code flat} (growth ≤ {@value #FLAT_GROWTH_PERCENT} %), {@code growing}, or {@code unknown}
 *               (fewer than {@value #MIN_SAMPLES} samples); judged on RSS, or on heap used where RSS is unknown
 */
public record NodeReport(String url, int samples, Double cpuPercentMedian, long rssMedianBytes, long rssMaxBytes,
                         long heapUsedMedianBytes, long heapUsedMaxBytes, Double memoryGrowthPercent, String memory) {
    static final double FLAT_GROWTH_PERCENT = 10;
    static final int MIN_SAMPLES = 6;

    /** One {@code /status} sample: when (monotonic nanos) and the process figures (-1 when unknown). */
    public record Sample(long nanos, double cpuSeconds, long rssBytes, long heapUsedBytes) {
    }

    /** Summarizes {@code samples}, in time order, all inside the measured window. */
    public static NodeReport of(String url, List<Sample> samples) {
        long[] rss = new long[samples.size()];
        long[] heap = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            rss[i] = samples.get(i).rssBytes();
            heap[i] = samples.get(i).heapUsedBytes();
        }
        boolean rssKnown = allPositive(rss);
        boolean heapKnown = allPositive(heap);
        Double growth = rssKnown ? growthPercent(rss) : heapKnown ? growthPercent(heap) : null;
        String memory = growth == null ? "unknown" : growth <= FLAT_GROWTH_PERCENT ? "flat" : "growing";
        return new NodeReport(url, samples.size(), cpuPercentMedian(samples), rssKnown ? median(rss) : -1,
                rssKnown ? max(rss) : -1, heapKnown ? median(heap) : -1, heapKnown ? max(heap) : -1, growth, memory);
    }

    static Double cpuPercentMedian(List<Sample> samples) {
        double[] pct = new double[Math.max(0, samples.size() - 1)];
        int n = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            if (a.cpuSeconds() >= 0 && b.cpuSeconds() >= 0 && b.nanos() > a.nanos()) {
                pct[n++] = (b.cpuSeconds() - a.cpuSeconds()) / ((b.nanos() - a.nanos()) / 1e9) * 100;
            }
        }
        return n == 0 ? null : round1(Percentiles.median(java.util.Arrays.copyOf(pct, n)));
    }

    /** Null with fewer than {@link #MIN_SAMPLES} samples: thirds of less than two say nothing. */
    static Double growthPercent(long[] values) {
        if (values.length < MIN_SAMPLES) {
            return null;
        }
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        int third = values.length / 3;
        double first = Percentiles.mean(d, 0, third);
        double last = Percentiles.mean(d, values.length - third, values.length);
        return round1((last / first - 1) * 100);
    }

    private static boolean allPositive(long[] v) {
        if (v.length == 0) {
            return false;
        }
        for (long x : v) {
            if (x <= 0) {
                return false;
            }
        }
        return true;
    }

    private static long median(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return Math.round(Percentiles.median(d));
    }

    private static long max(long[] v) {
        long m = Long.MIN_VALUE;
        for (long x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
