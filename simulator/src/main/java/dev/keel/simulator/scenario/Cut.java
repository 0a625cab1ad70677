package dev.keel.simulator.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A network partition between validators: {@code blocked[from][to]} drops messages from
 * {@code from} to {@code to}. The same cut is applied to containers (iptables) and to the
 * simulator (a {@link CutFilter}); twins of a validator share its links.
 *
 * @param description the shape and its sides, e.g. {@code partition-halves [0 3] | [1 2 4]}
 */
public record Cut(String description, boolean[][] blocked) {
    public Cut {
        int n = blocked.length;
        boolean[][] copy = new boolean[n][];
        for (int i = 0; i < n; i++) {
            if (blocked[i].length != n) {
                throw new IllegalArgumentException("blocked must be square, row " + i + " has " + blocked[i].length);
            }
            if (blocked[i][i]) {
                throw new IllegalArgumentException("validator " + i + " cannot be cut from itself");
            }
            copy[i] = blocked[i].clone();
        }
        blocked = copy;
    }

    /** A copy: the cut is a value. */
    @Override
    public boolean[][] blocked() {
        return Arrays.stream(blocked).map(boolean[]::clone).toArray(boolean[][]::new);
    }

    public int validators() {
        return blocked.length;
    }

    public boolean isBlocked(int from, int to) {
        return blocked[from][to];
    }

    /** The random a window draws its sides and targets from: same scenario seed and window, same draws. */
    public static SplittableRandom randomFor(Scenario s, FaultWindow w) {
        // Golden-ratio spacing keeps the windows' seeds apart; SplittableRandom mixes each seed further.
        return new SplittableRandom(s.seed() + 0x9E3779B97F4A7C15L * (w.index() + 1));
    }

    /**
     * The cut of a partition shape among {@code n} validators. {@code leader} is who leads now
     * (used by isolate-leader only); the sides come from {@code rnd}.
     */
    public static Cut of(Nemesis partition, int n, int leader, SplittableRandom rnd) {
        if (!partition.isPartition()) {
            throw new IllegalArgumentException(partition.flag() + " is not a partition");
        }
        if (n < 3) {
            throw new IllegalArgumentException("a partition needs at least 3 validators, got " + n);
        }
        String name = partition.flag();
        return switch (partition) {
            case ISOLATE_LEADER -> {
                if (leader < 0 || leader >= n) {
                    throw new IllegalArgumentException("leader " + leader + " is not a validator of " + n);
                }
                yield groups(name, n, List.of(leader));
            }
            case PARTITION_HALVES -> groups(name, n, shuffled(n, rnd).subList(0, n / 2));
            case MINORITY_THIRD -> groups(name, n, shuffled(n, rnd).subList(0, Math.max(1, n / 3)));
            case MAJORITIES_RING -> ring(name, shuffled(n, rnd));
            case BRIDGE -> bridge(name, shuffled(n, rnd));
            case ONE_WAY -> oneWay(name, n, shuffled(n, rnd).subList(0, (n - 1) / 2));
            default -> throw new AssertionError("no cut for " + partition);
        };
    }

    /** {@code side} on one side, everyone else on the other; no link crosses, either way. */
    private static Cut groups(String name, int n, List<Integer> side) {
        boolean[] in = membership(n, side);
        boolean[][] b = new boolean[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                b[x][y] = in[x] != in[y];
            }
        }
        return new Cut(name + " " + set(side) + " | " + set(others(n, in)), b);
    }

    /**
     * Validators on a ring (in {@code order}) reach the {@code m} neighbours each way, with m the
     * smallest that makes 2m+1 (themselves included) a majority: everyone sees a majority, but
     * neighbours see different ones, so no quorum of 2f+1 agrees on who is reachable.
     */
    private static Cut ring(String name, List<Integer> order) {
        int n = order.size();
        int m = (n / 2 + 1) / 2;
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[order.get(i)] = i;
        }
        boolean[][] b = new boolean[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                int d = Math.abs(pos[x] - pos[y]);
                b[x][y] = Math.min(d, n - d) > m;
            }
        }
        return new Cut(name + " " + order.stream().map(String::valueOf).collect(Collectors.joining(" ", "(", ")"))
                + " reach " + m, b);
    }

    /** Two sides that cannot talk, and one validator in between that reaches both. */
    private static Cut bridge(String name, List<Integer> order) {
        int n = order.size();
        int bridge = order.get(0);
        List<Integer> left = order.subList(1, 1 + (n - 1) / 2);
        boolean[] inLeft = membership(n, left);
        boolean[][] b = new boolean[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                b[x][y] = x != bridge && y != bridge && inLeft[x] != inLeft[y];
            }
        }
        List<Integer> right = IntStream.range(0, n).filter(v -> v != bridge && !inLeft[v]).boxed().toList();
        return new Cut(name + " " + set(left) + " | " + bridge + " | " + set(right), b);
    }

    /** The minority's messages to the majority are lost; the majority's still reach the minority. */
    private static Cut oneWay(String name, int n, List<Integer> minority) {
        boolean[] in = membership(n, minority);
        boolean[][] b = new boolean[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                b[x][y] = in[x] && !in[y];
            }
        }
        return new Cut(name + " " + set(minority) + " -/-> " + set(others(n, in)), b);
    }

    private static List<Integer> shuffled(int n, SplittableRandom rnd) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    private static boolean[] membership(int n, List<Integer> members) {
        boolean[] in = new boolean[n];
        members.forEach(v -> in[v] = true);
        return in;
    }

    private static List<Integer> others(int n, boolean[] in) {
        return IntStream.range(0, n).filter(v -> !in[v]).boxed().toList();
    }

    private static String set(List<Integer> vs) {
        return ScenarioEdn.vector(vs.stream().sorted().toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cut c && c.description.equals(description) && Arrays.deepEquals(c.blocked, blocked);
    }

    @Override
    public int hashCode() {
        return description.hashCode() * 31 + Arrays.deepHashCode(blocked);
    }

    @Override
    public String toString() {
        return description;
    }
}
