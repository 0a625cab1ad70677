package dev.keel.node.cli;

import dev.keel.node.bench.LoadGenerator;
import dev.keel.node.bench.LoadPlan;
import dev.keel.node.bench.LoadReport;
import dev.keel.node.bench.Readiness;
import dev.keel.node.bench.Targets;
import dev.keel.node.bench.TxSource;
import dev.keel.node.bench.TxSources;
import dev.keel.node.genesis.GenesisApp;
import dev.keel.node.testnet.Testnet;
import dev.keel.node.testnet.TestnetApps;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code keel bench}: without a subcommand, the load generator — against a fresh local
 * testnet ({@code --validators}, stopped and deleted at the end) or a running one
 * ({@code --target}). {@code keel bench storage}: the LMDB benchmark. Exit codes: 0 done,
 * 1 nothing committed or the testnet did not come up, 2 bad arguments.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test a testnet: offered vs committed tx/s, submit->commit latency percentiles, "
                + "counts by outcome, per-node CPU and memory.",
                "Examples: keel bench --rate 2000 --duration 20s | keel bench --clients 64 --app bank --target testnet"},
        subcommands = {BenchCommand.Storage.class})
public final class BenchCommand implements Callable<Integer> {
    private static final Duration READY_LIMIT = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--validators", paramLabel = "N", description = "Start a fresh local testnet of N validators (default 4).")
    Integer validators;

    @Option(names = "--target", paramLabel = "DIR|URL[,URL...]",
            description = "Attach to a running testnet: its directory (testnet.json) or validators' base URLs.")
    String target;

    @Option(names = "--app", paramLabel = "kv|bank", defaultValue = "kv", description = "kv or bank (default ${DEFAULT-VALUE}).")
    String app;

    @Option(names = "--rate", paramLabel = "TX/S",
            description = "Open loop: send on a fixed schedule at this rate (default 1000 unless --clients).")
    Integer rate;

    @Option(names = "--clients", paramLabel = "N",
            description = "Closed loop: N clients, each with one transaction in flight.")
    Integer clients;

    @Option(names = "--tx-size", paramLabel = "BYTES", defaultValue = "256",
            description = "Transaction size (default ${DEFAULT-VALUE}).")
    int txSize;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
            description = "Measured time, e.g. 500ms, 20s, 2m (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s",
            description = "Sent before measuring, left out of the figures (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "A transaction not committed this long after its scheduled send counts as timed out "
                    + "(default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "" + TestnetApps.DEMO_ACCOUNTS,
            description = "Bank: transfer between demo accounts 0..N-1 (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--json", description = "Print the report as one JSON object on stdout (progress stays on stderr).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LoadPlan plan = plan();
        TxSource source = source();
        try {
            if (target != null) {
                List<URI> nodes = usage(() -> Targets.parse(target));
                return report(LoadGenerator.run(plan, nodes, source, System.err, System.console() != null));
            }
            return withTestnet(validators == null ? 4 : validators, plan, source);
        } catch (IllegalStateException e) { // no validator answers, or making transactions failed
            System.err.println("keel bench: " + e.getMessage());
            return 1;
        }
    }

    /** Validates the flags into a plan; a bad one is a usage error (exit 2) naming the flag. */
    LoadPlan plan() {
        return usage(() -> {
            if (target != null && validators != null) {
                throw new IllegalArgumentException("--target and --validators exclude each other: attach to a running "
                        + "testnet, or start one");
            }
            if (validators != null && (validators < 1 || validators > 64)) {
                throw new IllegalArgumentException("--validators must be 1..64, got " + validators);
            }
            if (!app.equals("kv") && !app.equals("bank")) {
                throw new IllegalArgumentException("--app must be kv or bank, got '" + app + "'");
            }
            if (rate != null && (rate < 1 || rate > LoadPlan.MAX_RATE)) {
                throw new IllegalArgumentException("--rate must be 1.." + LoadPlan.MAX_RATE + " tx/s, got " + rate);
            }
            if (clients != null && (clients < 1 || clients > LoadPlan.MAX_CLIENTS)) {
                throw new IllegalArgumentException("--clients must be 1.." + LoadPlan.MAX_CLIENTS + ", got " + clients);
            }
            int r = rate != null ? rate : clients == null ? 1000 : 0;
            return new LoadPlan(app, r, clients == null ? 0 : clients, txSize,
                    SimulateCommand.Durations.parse("--duration", duration), SimulateCommand.Durations.parse("--warmup", warmup),
                    SimulateCommand.Durations.parse("--timeout", timeout));
        });
    }

    TxSource source() {
        return usage(() -> app.equals("bank") ? TxSources.bank(txSize, accounts) : TxSources.kv(txSize));
    }

    private int withTestnet(int n, LoadPlan plan, TxSource source) throws Exception {
        Path dir = Files.createTempDirectory("keel-bench-");
        GenesisApp genesisApp = app.equals("bank")
                ? new GenesisApp("bank", Map.of("demo_accounts", (long) accounts, "demo_balance", TestnetApps.DEMO_BALANCE))
                : TestnetApps.of(app);
        System.err.println("keel bench: starting " + n + " validators (" + app + ") in " + dir);
        Testnet net = Testnet.start(dir, n, genesisApp);
        boolean keep = true; // the logs explain a failure: delete them only after a finished run
        try {
            List<URI> nodes = Targets.parse(dir.toString());
            try {
                Readiness.await(nodes, READY_LIMIT, System.err);
            } catch (IllegalStateException e) {
                System.err.println("keel bench: " + e.getMessage() + "; the testnet is kept in " + dir
                        + " (logs in v*/node.log)");
                return 1;
            }
            int code = report(LoadGenerator.run(plan, nodes, source, System.err, System.console() != null));
            keep = false;
            return code;
        } finally {
            net.stop();
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    private int report(LoadReport r) {
        var out = spec.commandLine().getOut();
        out.println(json ? r.json() : r.text());
        out.flush();
        return r.counts().committed() > 0 ? 0 : 1;
    }

    private <T> T usage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("keel bench: could not delete " + dir + ": " + e.getMessage());
        }
    }

    @Command(name = "storage", mixinStandardHelpOptions = true,
            description = "LMDB storage: committed-block append rate (1 KiB and 1 MiB), restart time, bytes on disk per block.")
    static final class Storage implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Measured runs after one warm-up (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--small-blocks", defaultValue = "1000", description = "1 KiB blocks per run (default ${DEFAULT-VALUE}).")
        int small;

        @Option(names = "--large-blocks", defaultValue = "60", description = "1 MiB blocks per run (default ${DEFAULT-VALUE}).")
        int large;

        @Option(names = "--restart-blocks", defaultValue = "100000", description = "Chain length for the restart measurement (default ${DEFAULT-VALUE}).")
        int restartBlocks;

        @Option(names = "--dir", description = "Where to write (default: a temporary directory).")
        String dir;

        @Override
        public Integer call() throws Exception {
            if (runs < 1 || small < 1 || large < 1 || restartBlocks < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "counts must be at least 1");
            }
            List<String> args = new ArrayList<>(List.of("--runs", "" + runs, "--small-blocks", "" + small,
                    "--large-blocks", "" + large, "--restart-blocks", "" + restartBlocks));
            if (dir != null) {
                args.addAll(List.of("--dir", dir));
            }
            dev.keel.storage.bench.StorageBench.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
