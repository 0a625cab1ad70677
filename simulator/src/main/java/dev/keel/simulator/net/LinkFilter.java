package dev.keel.simulator.net;

import java.util.Set;

/**
 * Which links carry messages. Nodes are simulation node ids (twins of one validator are two
 * nodes); {@code round} is the message's round, for schedules that change with the round.
 */
public interface LinkFilter {
    boolean allows(int fromNode, int toNode, long round);

    /** Everyone reaches everyone. A record, not a lambda: its name goes into the trace, which must be stable. */
    LinkFilter OPEN = new Open();

    record Open() implements LinkFilter {
        @Override
        public boolean allows(int a, int b, long r) {
            return true;
        }

        @Override
        public String toString() {
            return "open";
        }
    }

    /** Disjoint groups: a link works inside a group only. {@code group[node]} names the group. */
    record Groups(String shape, int[] group) implements LinkFilter {
        @Override
        public boolean allows(int a, int b, long r) {
            return group[a] == group[b];
        }

        @Override
        public String toString() {
            return shape + java.util.Arrays.toString(group);
        }
    }

    /** Two sides plus one bridge node that reaches both. */
    record Bridge(int[] side, int bridge) implements LinkFilter {
        @Override
        public boolean allows(int a, int b, long r) {
            return a == bridge || b == bridge || side[a] == side[b];
        }

        @Override
        public String toString() {
            return "bridge" + java.util.Arrays.toString(side) + "@" + bridge;
        }
    }

    /**
     * Majorities ring: each node reaches the nodes within {@code reach} steps on a ring of
     * validators, so everyone sees a majority but no two see the same one.
     */
    record MajoritiesRing(int[] validatorOf, int validators, int reach) implements LinkFilter {
        @Override
        public boolean allows(int a, int b, long r) {
            int d = Math.abs(validatorOf[a] - validatorOf[b]);
            return Math.min(d, validators - d) <= reach;
        }

        @Override
        public String toString() {
            return "majorities-ring(reach " + reach + ")";
        }
    }

    /** One-way: messages from {@code senders} to {@code receivers} are lost, the reverse direction works. */
    record OneWay(Set<Integer> senders, Set<Integer> receivers) implements LinkFilter {
        @Override
        public boolean allows(int a, int b, long r) {
            return !(senders.contains(a) && receivers.contains(b));
        }

        @Override
        public String toString() {
            return "one-way" + senders + "-/->" + receivers;
        }
    }

    /** A different random split into two groups in every round. */
    record Flapping(long salt) implements LinkFilter {
        @Override
        public boolean allows(int a, int b, long r) {
            return side(a, r) == side(b, r);
        }

        private int side(int node, long round) {
            long h = (salt ^ (round * 0x9E3779B97F4A7C15L) ^ (node * 0xC2B2AE3D27D4EB4FL));
            h ^= h >>> 31;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
            return (int) (h & 1);
        }

        @Override
        public String toString() {
            return "flapping";
        }
    }
}
