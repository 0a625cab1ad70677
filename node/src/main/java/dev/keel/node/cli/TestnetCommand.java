package dev.keel.node.cli;

import dev.keel.node.testnet.Testnet;
import dev.keel.node.testnet.TestnetSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.keel.node.testnet.TestnetApps;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keel testnet}: a local testnet of N validators, each its own JVM with its own data
 * directory, ports on 127.0.0.1 and keys, with a live status line until Ctrl-C.
 */
@Command(name = "testnet", mixinStandardHelpOptions = true,
        description = "Start a local multi-validator testnet (each validator its own process) with a live status line.")
public final class TestnetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--validators", defaultValue = "4", description = "Validators (default ${DEFAULT-VALUE}).")
    int validators;

    @Option(names = "--dir", defaultValue = "testnet", description = "Where keys, configs, data and logs live (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--duration", description = "Run this long (e.g. 60s), print a JSON summary, stop.")
    String duration;

    @Option(names = "--app", defaultValue = "kv", description = "Application of a new testnet: kv or bank (default ${DEFAULT-VALUE}; bank gets 1000 funded demo accounts).")
    String app;

    @Option(names = "--l1", paramLabel = "URL",
            description = "Anchor to this Ethereum JSON-RPC endpoint (e.g. a Hardhat node) instead of the embedded L1 simulator.")
    String l1Url;

    @Option(names = "--l1-key", paramLabel = "HEX",
            description = "Private key that deploys the contract and funds validators on --l1 (default: the dev chains' first account).")
    String l1Key;

    @Option(names = "--fresh", description = "Delete the testnet in --dir first and start from genesis.")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        if (validators < 1 || validators > 64) {
            throw new ParameterException(spec.commandLine(), "--validators must be 1..64");
        }
        Duration d;
        try {
            d = duration == null ? null : SimulateCommand.Durations.parse("--duration", duration);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (fresh && Files.exists(dir.resolve("genesis.json"))) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Testnet net;
        try {
            net = Testnet.start(dir, validators, TestnetApps.of(app), l1Url, l1Key);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        System.err.println("keel testnet: " + validators + " validators in " + dir.toAbsolutePath()
                + " (testnet.json lists them; logs in vI/node.log). Ctrl-C stops them all.");
        TestnetSummary s = net.watch(d, System.err);
        net.stop();
        System.out.println(s.json());
        return 0;
    }
}
