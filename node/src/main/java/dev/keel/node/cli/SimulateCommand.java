package dev.keel.node.cli;

import dev.keel.consensus.core.Sabotage;
import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.run.SeedResult;
import dev.keel.simulator.run.SimReport;
import dev.keel.simulator.run.SimulationRunner;
import dev.keel.simulator.twins.TwinsRunner;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keel simulate}: the deterministic simulator. Exit codes: 0 all invariants held,
 * 1 a safety or liveness violation was found, 2 bad arguments.
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

    @Override
    public Integer call() {
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
