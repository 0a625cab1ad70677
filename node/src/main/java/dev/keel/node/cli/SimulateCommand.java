package dev.keel.node.cli;

import dev.keel.consensus.core.Sabotage;
import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.run.SeedResult;
import dev.keel.simulator.run.SimReport;
import dev.keel.simulator.run.SimulationRunner;
import dev.keel.simulator.scenario.AppliedWindow;
import dev.keel.simulator.scenario.Scenario;
import dev.keel.simulator.scenario.ScenarioReport;
import dev.keel.simulator.scenario.ScenarioRunner;
import dev.keel.simulator.scenario.ScenarioSeed;
import dev.keel.simulator.twins.TwinsRunner;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keel simulate}: the deterministic simulator. Exit codes: 0 all invariants held,
 * 1 a safety or liveness violation was found, 2 bad arguments. With {@code --scenario FILE}
 * it runs a chaos scenario (the EDN file the container cluster runs too) instead of random
 * faults: the file sets the validators and the fault schedule.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the protocol in the deterministic simulator and check its invariants.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--validators", defaultValue = "4", description = "Validators (default ${DEFAULT-VALUE}).")
    int validators;

    @Option(names = "--seeds", defaultValue = "100", description = "How many seeds to run (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", description = "First seed of a batch (default ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--seed", description = "Run this one seed (replay).")
    Long seed;

    @Option(names = "--faults", defaultValue = "all",
            description = "all, none, or a list of: delay, loss, duplication, partition, crash, drift, byzantine (default ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--byzantine", description = "Byzantine validators (default: f when 'byzantine' is among the faults). f+1 must be able to fork.")
    Integer byzantine;

    @Option(names = "--sabotage", description = "Switch off one protection in honest replicas: skip-lock-check, forget-safety-record, small-quorum.")
    String sabotage;

    @Option(names = "--fault-time", defaultValue = "30s", description = "Virtual time with faults active (default ${DEFAULT-VALUE}).")
    String faultTime;

    @Option(names = "--liveness-bound", defaultValue = "60s",
            description = "After the heal, every honest replica must commit within this virtual time (default ${DEFAULT-VALUE}).")
    String livenessBound;

    @Option(names = "--crypto", defaultValue = "sim", description = "sim (fast, simulation-only) or ed25519 (default ${DEFAULT-VALUE}).")
    String crypto;

    @Option(names = "--twins", description = "Run this many sampled Twins scenarios instead of random-fault seeds.")
    Integer twins;

    @Option(names = "--threads", description = "Seeds run in parallel (default: available cores).")
    Integer threads;

    @Option(names = "--trace", description = "Print the event trace of the one seed given with --seed.")
    boolean trace;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout.")
    boolean json;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Run this chaos scenario (EDN, e.g. chaos-tests/scenarios/ci.edn): its validators and fault schedule, in virtual time.")
    Path scenario;

    /** Options that describe the faults or the cluster, which a scenario file sets itself. */
    private static final List<String> NOT_WITH_SCENARIO =
            List.of("--faults", "--validators", "--twins", "--byzantine", "--fault-time", "--liveness-bound");

    @Override
    public Integer call() {
        if (scenario != null) {
            return callScenario();
        }
        SimOptions o = options();
        if (trace && seed == null) {
            throw new ParameterException(spec.commandLine(), "--trace needs --seed (one seed's trace)");
        }
        PrintStream err = System.err;
        SimReport report;
        // Stop at the first unsafe seed when a violation is expected: sabotage, or more than f byzantine.
        boolean expectUnsafe = sabotage != null || o.byzantineCount() > (validators - 1) / 3;
        if (twins != null) {
            report = TwinsRunner.run(o, firstSeed, twins, threads(), expectUnsafe, n -> progress(err, n, twins));
        } else if (seed != null) {
            long t0 = System.nanoTime();
            SeedResult r = SimulationRunner.runSeed(o, seed, trace ? System.out : null);
            report = new SimReport(validators, List.of(r), (System.nanoTime() - t0) / 1_000_000);
        } else {
            report = SimulationRunner.runSeeds(o, firstSeed, seeds, threads(), expectUnsafe, n -> progress(err, n, seeds));
        }
        if (!json && !trace && System.console() != null) {
            err.print("\r\033[K");
        }
        PrintStream out = trace ? System.err : System.out;
        out.println(json ? SimSummary.json(report, o) : SimSummary.text(report, o));
        return report.unsafe().isEmpty() && report.notLive().isEmpty() ? 0 : 1;
    }

    private Integer callScenario() {
        List<String> clash = NOT_WITH_SCENARIO.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (!clash.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--scenario cannot be combined with " + String.join(", ", clash)
                    + ": the scenario file sets the validators and the fault schedule");
        }
        if (trace && seed == null) {
            throw new ParameterException(spec.commandLine(), "--trace needs --seed (one seed's trace)");
        }
        Scenario s;
        SimOptions o;
        try {
            s = Scenario.load(scenario);
            Set<Sabotage> sab = sabotage == null ? Set.of() : EnumSet.of(Sabotage.fromFlag(sabotage));
            if (seeds < 1) {
                throw new IllegalArgumentException("--seeds must be at least 1");
            }
            o = ScenarioRunner.options(s, sab, crypto, trace);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "--scenario " + scenario + ": " + e.getMessage());
        }
        ScenarioReport report = runScenario(s, o);
        if (!json && !trace && System.console() != null) {
            System.err.print("\r\033[K");
        }
        PrintWriter out = trace ? spec.commandLine().getErr() : spec.commandLine().getOut();
        out.println(json ? scenarioJson(report, o) : scenarioText(report, o));
        out.flush();
        SimReport r = report.report();
        return r.unsafe().isEmpty() && r.notLive().isEmpty() ? 0 : 1;
    }

    private ScenarioReport runScenario(Scenario s, SimOptions o) {
        if (seed != null) {
            long t0 = System.nanoTime();
            ScenarioSeed one = ScenarioRunner.runSeed(s, o, seed, trace ? System.out : null);
            SimReport r = new SimReport(s.validators(), List.of(one.result()), (System.nanoTime() - t0) / 1_000_000);
            return new ScenarioReport(s, r, Map.of(seed, one.applied()));
        }
        // Stop at the first unsafe seed when a violation is expected (sabotage), as random-fault runs do.
        return ScenarioRunner.runSeeds(s, o, firstSeed, seeds, threads(), sabotage != null,
                n -> progress(System.err, n, seeds));
    }

    /**
     * The scenario's header and schedule as applied, then the usual summary. Its first line
     * ("faults none") and its replay hint describe a random-fault run, so they are replaced.
     */
    private String scenarioText(ScenarioReport report, SimOptions o) {
        Scenario s = report.scenario();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "keel simulate --scenario %s: %d validators, %d faults over %.1f s (scenario seed %d), "
                        + "byzantine %d (twins)%s%n", s.name(), s.validators(), s.faults().size(), s.totalSeconds(), s.seed(),
                o.byzantineCount(), o.sabotage().isEmpty() ? "" : ", SABOTAGE " + sabotage));
        long shown = report.seeds().get(0);
        schedule(sb, report, shown);
        List<SeedResult> bad = report.report().results().stream().filter(x -> !x.safe() || !x.live()).toList();
        if (!bad.isEmpty() && bad.get(0).seed() != shown) {
            schedule(sb, report, bad.get(0).seed());
        }
        String replay = "  replay: ./keel simulate --scenario " + scenario + " --seed " + (bad.isEmpty() ? shown : bad.get(0).seed())
                + (sabotage == null ? "" : " --sabotage " + sabotage) + " --trace";
        SimSummary.text(report.report(), o).lines().skip(1)
                .forEach(l -> sb.append(l.startsWith("  replay: ") ? replay : l).append('\n'));
        return sb.toString().stripTrailing();
    }

    private static void schedule(StringBuilder sb, ScenarioReport report, long seed) {
        sb.append("  schedule as applied (simulation seed ").append(seed).append("; a leader target depends on the seed):\n");
        for (AppliedWindow w : report.applied(seed)) {
            sb.append("    ").append(w).append('\n');
        }
    }

    /** The usual JSON summary with the scenario and every seed's applied windows in front. */
    private static String scenarioJson(ScenarioReport report, SimOptions o) {
        Scenario s = report.scenario();
        String windows = report.seeds().stream().map(seed -> SimSummary.Json.quote(String.valueOf(seed)) + ":"
                + report.applied(seed).stream().map(w -> String.format(Locale.ROOT,
                        "{\"index\":%d,\"nemesis\":%s,\"start_s\":%.3f,\"end_s\":%.3f,\"action\":%s}",
                        w.window().index(), SimSummary.Json.quote(w.window().nemesis().flag()), w.startMicros() / 1e6,
                        w.endMicros() / 1e6, SimSummary.Json.quote(w.action())))
                .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "{", "}"));
        String head = new SimSummary.Json().str("scenario", s.name()).num("scenario_seed", s.seed())
                .dbl("scenario_seconds", s.totalSeconds()).raw("windows", windows).toString();
        String rest = SimSummary.json(report.report(), o);
        return head.substring(0, head.length() - 1) + "," + rest.substring(1);
    }

    private int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    private void progress(PrintStream err, int done, int total) {
        if (!json && System.console() != null && (done % 5 == 0 || done == total)) {
            synchronized (err) {
                err.print("\rsimulating: " + done + "/" + total + " seeds");
                err.flush();
            }
        }
    }

    private SimOptions options() {
        try {
            Set<Sabotage> sab = sabotage == null ? Set.of() : EnumSet.of(Sabotage.fromFlag(sabotage));
            if (seeds < 1 || (twins != null && twins < 1)) {
                throw new IllegalArgumentException("--seeds and --twins must be at least 1");
            }
            return new SimOptions(validators, Fault.parse(faults), sab, byzantine == null ? -1 : byzantine,
                    Durations.parse("--fault-time", faultTime), Durations.parse("--liveness-bound", livenessBound), crypto, trace);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Compact "30s", "500ms", "2m" durations for flags. */
    static final class Durations {
        private Durations() {
        }

        static Duration parse(String flag, String s) {
            var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(s.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException(flag + ": '" + s + "' is not a duration like 500ms, 30s or 2m");
            }
            long v = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(v);
                case "s" -> Duration.ofSeconds(v);
                default -> Duration.ofMinutes(v);
            };
        }
    }
}
