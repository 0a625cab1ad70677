package dev.keel.simulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The fault families a simulation can inject; {@code all} switches on every one. */
public enum Fault {
    /** Random per-message delay with a long tail, which also reorders messages. */
    DELAY,
    LOSS,
    DUPLICATION,
    /** Partitions: isolate the leader, halves, majorities ring, bridge, one-way, per-round flapping. */
    PARTITION,
    /** Crash-restart keeping only what was persisted, including between persist and send. */
    CRASH,
    /** Local timers run fast or slow (x0.8 to x1.25). */
    DRIFT,
    /** Up to f byzantine validators (twins, equivocation, forks, replays, forgeries, far-future rounds). */
    BYZANTINE;

    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code all}, {@code none} or a comma-separated list of flags. */
    public static Set<Fault> parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return EnumSet.allOf(Fault.class);
        }
        Set<Fault> out = EnumSet.noneOf(Fault.class);
        if (s.equals("none") || s.isEmpty()) {
            return out;
        }
        for (String part : s.split(",")) {
            String p = part.trim();
            Fault match = null;
            for (Fault f : values()) {
                if (f.flag().equals(p)) {
                    match = f;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown fault '" + p + "'; known: all, none, delay, loss, duplication, partition, crash, drift, byzantine");
            }
            out.add(match);
        }
        return out;
    }
}
