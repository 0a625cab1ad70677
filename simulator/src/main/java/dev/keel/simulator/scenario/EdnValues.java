package dev.keel.simulator.scenario;

import clojure.lang.BigInt;
import clojure.lang.Keyword;
import clojure.lang.RT;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Typed access to values the EDN reader produced, with errors that name the key ({@code where})
 * and show the bad value as it was written.
 */
final class EdnValues {
    private EdnValues() {
    }

    /** A map with plain keyword keys, all among {@code known}, as name → value. */
    static Map<String, Object> keys(Object raw, String where, List<String> known) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " must be an EDN map {...}, got " + print(raw));
        }
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof Keyword k) || k.getNamespace() != null || !known.contains(k.getName())) {
                throw new IllegalArgumentException(where + ": unknown key " + print(e.getKey()) + "; known keys: "
                        + known.stream().map(s -> ":" + s).collect(Collectors.joining(" ")));
            }
            out.put(k.getName(), e.getValue());
        }
        return out;
    }

    /** The name of a plain keyword, e.g. {@code bank} for {@code :bank}. */
    static String keyword(Object raw, String where) {
        if (!(raw instanceof Keyword k) || k.getNamespace() != null) {
            throw new IllegalArgumentException(where + " must be a keyword like :bank, got " + print(raw));
        }
        return k.getName();
    }

    static long integer(Object raw, String where, long min, long max) {
        Long v = null;
        if (raw instanceof Long l) {
            v = l;
        } else if (raw instanceof BigInt b && b.bitLength() < 64) {
            v = b.longValue();
        } else if (raw instanceof BigInteger b && b.bitLength() < 64) {
            v = b.longValue();
        }
        if (v == null || v < min || v > max) {
            String range = min == Long.MIN_VALUE ? "a 64-bit integer" : "an integer " + min + ".." + max;
            throw new IllegalArgumentException(where + " must be " + range + ", got " + print(raw));
        }
        return v;
    }

    /** Seconds: an integer or decimal, positive (or also 0 with {@code zeroOk}). */
    static double seconds(Object raw, String where, boolean zeroOk) {
        double d = raw instanceof Number n ? n.doubleValue() : Double.NaN;
        boolean ok = !Double.isNaN(d) && !Double.isInfinite(d) && (zeroOk ? d >= 0 : d > 0);
        if (!ok) {
            throw new IllegalArgumentException(where + " must be a " + (zeroOk ? "number of seconds, 0 or more"
                    : "positive number of seconds") + ", got " + print(raw));
        }
        return d;
    }

    /** {@code :leader}, {@code :random}, an index, or a vector of indices. */
    static Target target(Object raw, String where) {
        if (raw instanceof Keyword k && k.getNamespace() == null && k.getName().equals("leader")) {
            return Target.LEADER;
        }
        if (raw instanceof Keyword k && k.getNamespace() == null && k.getName().equals("random")) {
            return Target.RANDOM;
        }
        String expected = where + " must be :leader, :random, a validator index or a vector of indices like [0 2], got ";
        List<Integer> indices = new ArrayList<>();
        if (raw instanceof Long) {
            indices.add(index(raw, where));
        } else if (raw instanceof List<?> list) {
            for (Object o : list) {
                indices.add(index(o, where));
            }
        } else {
            throw new IllegalArgumentException(expected + print(raw));
        }
        try {
            return new Target.Indices(indices);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " " + print(raw) + ": " + e.getMessage(), e);
        }
    }

    private static int index(Object raw, String where) {
        if (!(raw instanceof Long l) || l < 0 || l > 1000) {
            throw new IllegalArgumentException(where + " validator indices are 0-based integers, got " + print(raw));
        }
        return l.intValue();
    }

    /** A value as EDN text, for error messages. */
    static String print(Object value) {
        return value == null ? "nil" : RT.printString(value);
    }

    /** An EDN string literal: Clojure's own readable printing, so it reads back as the same string. */
    static String string(String s) {
        return RT.printString(s);
    }
}
