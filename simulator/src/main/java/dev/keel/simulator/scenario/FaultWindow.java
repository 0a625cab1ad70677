package dev.keel.simulator.scenario;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One fault placed on the scenario's timeline: it starts (is injected) at {@code start} and
 * ends (heals) at {@code end}, in seconds from the start of the workload.
 *
 * @param index position in the scenario's {@code :faults}, 0-based; also salts the window's random
 */
public record FaultWindow(int index, Nemesis nemesis, double start, double end, Target target) {
    public FaultWindow {
        if (index < 0 || !(start >= 0) || !(end > start)) {
            throw new IllegalArgumentException("bad window #" + index + " [" + start + ", " + end + ")");
        }
    }

    public double duration() {
        return end - start;
    }

    /**
     * The validators {@code t} names among {@code n}, sorted: the current {@code leader}, one
     * drawn from {@code rnd}, or the listed indices. Both the simulator and the cluster harness
     * call this with a fresh {@link Cut#randomFor} of the window, first, so a random target is the
     * same validator on both sides.
     */
    public static int[] resolveTargets(Target t, int n, int leader, SplittableRandom rnd) {
        int[] out;
        if (t instanceof Target.Leader) {
            if (leader < 0 || leader >= n) {
                throw new IllegalArgumentException("leader " + leader + " is not a validator of " + n);
            }
            out = new int[] {leader};
        } else if (t instanceof Target.Random) {
            out = new int[] {rnd.nextInt(n)};
        } else if (t instanceof Target.Indices i) {
            out = i.indices().stream().mapToInt(Integer::intValue).sorted().toArray();
            if (out[out.length - 1] >= n) {
                throw new IllegalArgumentException("target " + i.indices() + " is out of range for " + n + " validators");
            }
        } else {
            throw new AssertionError("unhandled target " + t);
        }
        return out;
    }

    /** {@link #resolveTargets} for this window's target. */
    public int[] resolveTargets(int n, int leader, SplittableRandom rnd) {
        return resolveTargets(target, n, leader, rnd);
    }

    /** Targets as in EDN, e.g. {@code [0 2]}, for reports. */
    public static String describeTargets(int[] targets) {
        return Arrays.toString(targets).replace(",", "");
    }
}
