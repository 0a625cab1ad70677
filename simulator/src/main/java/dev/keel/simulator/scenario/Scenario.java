package dev.keel.simulator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A chaos scenario: a cluster size, a seed, and a schedule of faults separated by quiet
 * (healed) periods. Its timeline is the one source of truth for both the container cluster
 * and the simulator: the workload starts at 0; fault i starts at
 * {@code quiet * (i + 1) + sum of earlier durations} and heals {@code duration} later; the
 * run ends {@code finalSeconds} after the last heal, when the final reads happen.
 *
 * @param seed         picks partition sides and random targets ({@link Cut#randomFor}): same seed, same choices
 * @param workloads    names of the cluster's workloads ({@code unique}, {@code bank}, {@code checkpoint}); the simulator ignores them
 * @param rate         workload operations per second per workload on the cluster; the simulator ignores it
 */
public record Scenario(String name, int validators, long seed, double quiet, double finalSeconds,
                       List<String> workloads, double rate, List<FaultSpec> faults) {
    public static final int MIN_VALIDATORS = 4;
    public static final int MAX_VALIDATORS = 16;
    public static final List<String> KNOWN_WORKLOADS = List.of("unique", "bank", "checkpoint");
    public static final List<String> DEFAULT_WORKLOADS = List.of("unique", "bank");

    /** Fault, quiet and final lengths of {@link #fromFlags}, in seconds. */
    static final double FLAG_FAULT = 15;
    static final double FLAG_QUIET = 10;
    static final double FLAG_FINAL = 10;

    public Scenario {
        Objects.requireNonNull(name, "name");
        workloads = List.copyOf(workloads);
        faults = List.copyOf(faults);
        if (name.isBlank()) {
            throw new IllegalArgumentException("scenario :name must be a non-empty string");
        }
        if (validators < MIN_VALIDATORS || validators > MAX_VALIDATORS) {
            throw new IllegalArgumentException("scenario :validators must be " + MIN_VALIDATORS + ".." + MAX_VALIDATORS
                    + ", got " + validators);
        }
        if (!(quiet >= 0) || Double.isInfinite(quiet)) {
            throw new IllegalArgumentException("scenario :quiet must be a number of seconds, 0 or more, got " + quiet);
        }
        // The final period is when the cluster is judged live again: it cannot be empty.
        if (!(finalSeconds > 0) || Double.isInfinite(finalSeconds)) {
            throw new IllegalArgumentException("scenario :final must be a positive number of seconds, got " + finalSeconds);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("scenario :rate must be a positive number of operations per second, got " + rate);
        }
        checkWorkloads(workloads);
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("scenario :faults must list at least one fault");
        }
        for (int i = 0; i < faults.size(); i++) {
            checkTargets(i, faults.get(i), validators);
        }
    }

    private static void checkWorkloads(List<String> workloads) {
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("scenario :workloads must name at least one of :unique :bank :checkpoint");
        }
        for (String w : workloads) {
            if (!KNOWN_WORKLOADS.contains(w)) {
                throw new IllegalArgumentException("scenario :workloads has unknown workload :" + w
                        + "; known: :unique :bank :checkpoint");
            }
        }
        if (new HashSet<>(workloads).size() != workloads.size()) {
            throw new IllegalArgumentException("scenario :workloads lists a workload twice: " + workloads);
        }
    }

    /** Indices in range; kill and pause leave a quorum: at most f = (n-1)/3 down at once (windows never overlap). */
    private static void checkTargets(int i, FaultSpec fault, int n) {
        if (!(fault.target() instanceof Target.Indices t)) {
            return;
        }
        String where = "scenario :faults[" + i + "] :target ";
        for (int v : t.indices()) {
            if (v >= n) {
                throw new IllegalArgumentException(where + "names validator " + v + ", but validators are 0.." + (n - 1));
            }
        }
        int f = (n - 1) / 3;
        if (fault.nemesis().takesValidatorsDown() && t.indices().size() > f) {
            throw new IllegalArgumentException(where + ScenarioEdn.vector(t.indices()) + " takes " + t.indices().size()
                    + " validators down at once; at most f = " + f + " of " + n + " may be, or no quorum is left");
        }
    }

    /** Parses and validates EDN; every problem is an {@link IllegalArgumentException} naming the key and value. */
    public static Scenario parse(String edn) {
        return ScenarioEdn.read(edn);
    }

    public static Scenario load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** EDN that {@link #parse} turns back into an equal scenario. */
    public String toEdn() {
        return ScenarioEdn.write(this);
    }

    /** The faults on the timeline, in order: fault i starts at {@code quiet * (i + 1) + sum of earlier durations}. */
    public List<FaultWindow> windows() {
        List<FaultWindow> out = new ArrayList<>();
        double earlier = 0;
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            double start = quiet * (i + 1) + earlier;
            out.add(new FaultWindow(i, f.nemesis(), start, start + f.duration(), f.target()));
            earlier += f.duration();
        }
        return out;
    }

    /** When the last fault heals, in seconds. */
    public double lastHealSeconds() {
        return quiet * faults.size() + faults.stream().mapToDouble(FaultSpec::duration).sum();
    }

    public double totalSeconds() {
        return lastHealSeconds() + finalSeconds;
    }

    /**
     * The scenario the command-line flags describe: the {@code nemeses} in turn, each for
     * {@value #FLAG_FAULT} s after {@value #FLAG_QUIET} s quiet, as many as fit in
     * {@code timeLimitSeconds} with {@value #FLAG_FINAL} s left at the end; the time left over
     * goes to the final period, so the scenario lasts exactly the time limit.
     */
    public static Scenario fromFlags(String name, int validators, List<Nemesis> nemeses, double timeLimitSeconds, long seed) {
        if (nemeses.isEmpty()) {
            throw new IllegalArgumentException("name at least one nemesis; known: " + Nemesis.knownNames());
        }
        int count = (int) Math.floor((timeLimitSeconds - FLAG_FINAL) / (FLAG_QUIET + FLAG_FAULT));
        if (count < 1) {
            throw new IllegalArgumentException("time limit " + timeLimitSeconds + " s is too short for one fault: it needs "
                    + (FLAG_QUIET + FLAG_FAULT + FLAG_FINAL) + " s (quiet + fault + final)");
        }
        List<FaultSpec> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            faults.add(new FaultSpec(nemeses.get(i % nemeses.size()), FLAG_FAULT));
        }
        double finalSeconds = timeLimitSeconds - count * (FLAG_QUIET + FLAG_FAULT);
        return new Scenario(name, validators, seed, FLAG_QUIET, finalSeconds, DEFAULT_WORKLOADS, 10, faults);
    }
}
