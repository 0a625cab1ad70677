package dev.keel.simulator.scenario;

import clojure.lang.EdnReader;
import clojure.lang.IPersistentMap;
import clojure.lang.Keyword;
import clojure.lang.PersistentHashMap;
import java.io.PushbackReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scenario files: EDN read by Clojure's own {@link EdnReader} (no parser of ours), then
 * checked key by key. Unknown keys are errors, so a typo never silently becomes a default.
 * Writing is the inverse, in the layout of the files in {@code chaos-tests/scenarios/}.
 */
final class ScenarioEdn {
    static final List<String> TOP_KEYS = List.of("name", "validators", "seed", "quiet", "final", "workloads", "rate", "faults");
    static final List<String> FAULT_KEYS = List.of("nemesis", "duration", "target");
    private static final Keyword EOF_KEY = Keyword.intern(null, "eof");

    private ScenarioEdn() {
    }

    static Scenario read(String edn) {
        Map<String, Object> top = EdnValues.keys(readForm(edn), "scenario", TOP_KEYS);
        Object name = top.get("name");
        if (!(name instanceof String s)) {
            throw new IllegalArgumentException(name == null ? "scenario :name is required (a string)"
                    : "scenario :name must be a string, got " + EdnValues.print(name));
        }
        int n = (int) EdnValues.integer(top.getOrDefault("validators", 5L), "scenario :validators",
                Scenario.MIN_VALIDATORS, Scenario.MAX_VALIDATORS);
        long seed = EdnValues.integer(top.getOrDefault("seed", 1L), "scenario :seed", Long.MIN_VALUE, Long.MAX_VALUE);
        double quiet = EdnValues.seconds(top.getOrDefault("quiet", 10L), "scenario :quiet", true);
        double fin = EdnValues.seconds(top.getOrDefault("final", 10L), "scenario :final", false);
        List<String> workloads = top.containsKey("workloads") ? workloads(top.get("workloads")) : Scenario.DEFAULT_WORKLOADS;
        Object rawRate = top.getOrDefault("rate", 10L);
        if (!(rawRate instanceof Number r) || !(r.doubleValue() > 0) || Double.isInfinite(r.doubleValue())) {
            throw new IllegalArgumentException("scenario :rate must be a positive number of operations per second, got "
                    + EdnValues.print(rawRate));
        }
        return new Scenario(s, n, seed, quiet, fin, workloads, r.doubleValue(), faults(top.get("faults")));
    }

    /** One EDN form; {@code readString} would silently drop whatever follows it, so we read twice. */
    private static Object readForm(String edn) {
        Object eof = new Object();
        IPersistentMap opts = PersistentHashMap.EMPTY.assoc(EOF_KEY, eof);
        Object form;
        Object next;
        try {
            PushbackReader in = new PushbackReader(new StringReader(edn));
            form = EdnReader.read(in, opts);
            next = form == eof ? eof : EdnReader.read(in, opts);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scenario is not valid EDN: " + e.getMessage(), e);
        }
        if (form == eof) {
            throw new IllegalArgumentException("scenario is empty: expected an EDN map like {:name \"ci\" :faults [...]}");
        }
        if (next != eof) {
            throw new IllegalArgumentException("scenario must be one EDN map, but more follows it: " + EdnValues.print(next));
        }
        return form;
    }

    private static List<String> workloads(Object raw) {
        if (!(raw instanceof Collection<?> c)) {
            throw new IllegalArgumentException("scenario :workloads must be a vector of keywords like [:unique :bank], got "
                    + EdnValues.print(raw));
        }
        List<String> out = new ArrayList<>();
        for (Object o : c) {
            out.add(EdnValues.keyword(o, "scenario :workloads"));
        }
        // A set has no order; the known order makes the result (and toEdn) stable.
        if (raw instanceof Set<?>) {
            out.sort((a, b) -> Integer.compare(Scenario.KNOWN_WORKLOADS.indexOf(a), Scenario.KNOWN_WORKLOADS.indexOf(b)));
        }
        return out;
    }

    private static List<FaultSpec> faults(Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("scenario :faults is required: a vector of maps like [{:nemesis :kill :duration 15}]");
        }
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("scenario :faults must be a vector of fault maps, got " + EdnValues.print(raw));
        }
        List<FaultSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(fault(list.get(i), "scenario :faults[" + i + "]"));
        }
        return out;
    }

    private static FaultSpec fault(Object raw, String where) {
        Map<String, Object> m = EdnValues.keys(raw, where, FAULT_KEYS);
        Object nem = m.get("nemesis");
        if (nem == null) {
            throw new IllegalArgumentException(where + " :nemesis is required; known: " + Nemesis.knownNames());
        }
        Nemesis nemesis;
        try {
            nemesis = Nemesis.fromFlag(EdnValues.keyword(nem, where + " :nemesis"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " :nemesis " + EdnValues.print(nem) + " is not a nemesis; known: "
                    + Nemesis.knownNames().replace(", partitions, all", ""), e);
        }
        if (!m.containsKey("duration")) {
            throw new IllegalArgumentException(where + " :duration is required (seconds)");
        }
        double duration = EdnValues.seconds(m.get("duration"), where + " :duration", false);
        if (nemesis.isPartition() && m.containsKey("target")) {
            throw new IllegalArgumentException(where + " :target is not allowed on :" + nemesis.flag()
                    + " (a partition draws its sides from the scenario seed)");
        }
        Target target = m.containsKey("target") ? EdnValues.target(m.get("target"), where + " :target")
                : FaultSpec.defaultTarget(nemesis);
        try {
            return new FaultSpec(nemesis, duration, target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " " + e.getMessage(), e);
        }
    }

    // ---- writing ----

    static String write(Scenario s) {
        StringBuilder sb = new StringBuilder();
        sb.append("{:name ").append(EdnValues.string(s.name())).append('\n');
        sb.append(" :validators ").append(s.validators()).append('\n');
        sb.append(" :seed ").append(s.seed()).append('\n');
        sb.append(" :quiet ").append(number(s.quiet())).append('\n');
        sb.append(" :final ").append(number(s.finalSeconds())).append('\n');
        sb.append(" :workloads ").append(s.workloads().stream().map(w -> ":" + w).collect(Collectors.joining(" ", "[", "]")))
                .append('\n');
        sb.append(" :rate ").append(number(s.rate())).append('\n');
        sb.append(" :faults [");
        for (int i = 0; i < s.faults().size(); i++) {
            sb.append(i == 0 ? "" : "\n          ").append(fault(s.faults().get(i)));
        }
        return sb.append("]}\n").toString();
    }

    private static String fault(FaultSpec f) {
        String base = "{:nemesis :" + f.nemesis().flag() + " :duration " + number(f.duration());
        if (f.nemesis().isPartition()) {
            return base + "}";
        }
        return base + " :target " + target(f) + "}";
    }

    private static String target(FaultSpec f) {
        Target t = f.target();
        if (t instanceof Target.Leader) {
            return ":leader";
        } else if (t instanceof Target.Random) {
            return ":random";
        } else if (t instanceof Target.Indices i) {
            // A twin copies one validator: written as a bare index, as in the format's example.
            return f.nemesis() == Nemesis.TWIN ? String.valueOf(i.indices().get(0)) : vector(i.indices());
        }
        throw new AssertionError("unhandled target " + t);
    }

    static String vector(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }

    /** Shortest decimal that reads back as the same double: 20, 2.5, 0.1; never an exponent. */
    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
