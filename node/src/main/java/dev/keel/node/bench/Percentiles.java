package dev.keel.node.bench;

import java.util.Arrays;

/**
 * Order statistics on plain arrays: nearest-rank percentiles (the value at rank
 * ⌈p/100 · n⌉, so p100 is the maximum and every reported value was observed) and medians.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Nearest-rank {@code p}-th percentile (0 &lt; p ≤ 100) of the first {@code n} values of a sorted array; -1 if n is 0. */
    public static long of(long[] sorted, int n, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (n == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }

    /** Median (mean of the middle two for an even count) of {@code values}, unsorted; NaN if empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    public static double mean(double[] values, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
