package dev.keel.simulator.scenario;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The faults a scenario can schedule. The first six are network partitions (a {@link Cut});
 * the rest act on chosen validators. {@link #flag()} is the name used in EDN files and on the
 * command line, shared with the Clojure harness.
 */
public enum Nemesis {
    ISOLATE_LEADER,
    PARTITION_HALVES,
    MAJORITIES_RING,
    MINORITY_THIRD,
    BRIDGE,
    ONE_WAY,
    /** Kill -9 and restart at the window's end, keeping only what was persisted. */
    KILL,
    /** SIGSTOP for the window, SIGCONT at its end: memory intact, the backlog arrives late. */
    PAUSE,
    /** A second process with the same key and an empty disk: a byzantine equivocator. */
    TWIN;

    /** The kebab-case name, e.g. {@code isolate-leader}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isPartition() {
        return ordinal() <= ONE_WAY.ordinal();
    }

    /** Kill and pause take validators down, so their targets must leave a quorum. */
    public boolean takesValidatorsDown() {
        return this == KILL || this == PAUSE;
    }

    /** The nemesis named {@code flag}; unknown names list the known ones. */
    public static Nemesis fromFlag(String flag) {
        for (Nemesis n : values()) {
            if (n.flag().equals(flag)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown nemesis '" + flag + "'; known: " + knownNames());
    }

    /**
     * Parses a comma-separated list of names, plus {@code partitions} (the six partition
     * shapes) and {@code all}. Order is kept, duplicates are dropped.
     */
    public static List<Nemesis> parseList(String csv) {
        Set<Nemesis> out = new LinkedHashSet<>();
        for (String part : csv.split(",", -1)) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            switch (p) {
                case "all" -> out.addAll(EnumSet.allOf(Nemesis.class));
                case "partitions" -> Arrays.stream(values()).filter(Nemesis::isPartition).forEach(out::add);
                default -> out.add(fromFlag(p));
            }
        }
        return List.copyOf(out);
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(Nemesis::flag).collect(Collectors.joining(", ")) + ", partitions, all";
    }
}
