package dev.keel.node.cli;

import dev.keel.node.config.ConfigException;
import dev.keel.node.config.Endpoint;
import dev.keel.node.genesis.ConsensusParams;
import dev.keel.node.genesis.Genesis;
import dev.keel.node.genesis.GenesisValidator;
import dev.keel.node.keys.KeyFiles;
import dev.keel.node.keys.ValidatorKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code keel genesis}: the genesis file from each validator's address and key directory.
 * Exit codes: 0 written, 1 I/O failure, 2 bad arguments, keys or parameters.
 */
@Command(name = "genesis", mixinStandardHelpOptions = true,
        description = "Write a genesis file: the chain id, the validators (in the order given) and the protocol parameters.")
public final class GenesisCommand implements Callable<Integer> {
    /** HOST:P2P_PORT:HTTP_PORT:KEY_DIR; an IPv6 host goes in brackets; the key dir may itself contain ':'. */
    private static final Pattern VALIDATOR = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d{1,9}):(\\d{1,9}):(.+)");

    @Spec
    CommandSpec spec;

    @Option(names = "--chain-id", required = true, description = "The chain's id (1-64 bytes), signed into every message.")
    String chainId;

    @Option(names = "--validator", required = true, paramLabel = "HOST:P2P_PORT:HTTP_PORT:KEY_DIR",
            description = "A validator, repeated once per validator in index order; its public keys are read from KEY_DIR.")
    List<String> validators;

    @Option(names = "--base-timeout", defaultValue = "1s", description = "Round timeout after a commit (default ${DEFAULT-VALUE}).")
    String baseTimeout;

    @Option(names = "--max-timeout", defaultValue = "30s", description = "Cap of the timeout's backoff (default ${DEFAULT-VALUE}).")
    String maxTimeout;

    @Option(names = "--max-block-txs", defaultValue = "1000", description = "Transactions per block (default ${DEFAULT-VALUE}).")
    int maxBlockTxs;

    @Option(names = "--max-block-bytes", defaultValue = "1048576", description = "Payload bytes per block (default ${DEFAULT-VALUE}).")
    long maxBlockBytes;

    @Option(names = "--max-future-rounds", defaultValue = "100",
            description = "How far ahead of its round a validator accepts messages (default ${DEFAULT-VALUE}).")
    int maxFutureRounds;

    @Option(names = "--out", defaultValue = "genesis.json", paramLabel = "FILE", description = "Where to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Replace an existing genesis file.")
    boolean force;

    @Override
    public Integer call() {
        Genesis genesis;
        try {
            ConsensusParams params = new ConsensusParams(SimulateCommand.Durations.parse("--base-timeout", baseTimeout),
                    SimulateCommand.Durations.parse("--max-timeout", maxTimeout), maxBlockTxs, maxBlockBytes, maxFutureRounds);
            genesis = new Genesis(chainId, 0, params, validators());
            if (Files.exists(out) && !force) {
                throw new IllegalArgumentException(out + " exists; pass --force to replace it");
            }
        } catch (IllegalArgumentException e) { // ConfigException included: bad keys, params, addresses
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            genesis.save(out);
        } catch (IOException e) {
            System.err.println("keel genesis: cannot write " + out + ": " + e);
            return 1;
        }
        var set = genesis.validatorSet();
        var stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out.toAbsolutePath().normalize() + ": chain " + genesis.chainId() + ", " + set.size()
                + " validators (quorum " + set.quorum() + ", tolerates " + set.maxFaulty() + " faulty)");
        stdout.flush();
        return 0;
    }

    private List<GenesisValidator> validators() {
        List<GenesisValidator> out = new ArrayList<>();
        for (int i = 0; i < validators.size(); i++) {
            String arg = validators.get(i);
            Matcher m = VALIDATOR.matcher(arg);
            if (!m.matches()) {
                throw new IllegalArgumentException("--validator '" + arg + "' is not HOST:P2P_PORT:HTTP_PORT:KEY_DIR");
            }
            String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            Endpoint p2p = endpoint(arg, host, m.group(2));
            Endpoint http = endpoint(arg, host, m.group(3));
            ValidatorKeys keys;
            try {
                keys = KeyFiles.load(Path.of(m.group(4)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--validator '" + arg + "': cannot read keys: " + e);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("--validator '" + arg + "': " + e.getMessage());
            }
            out.add(new GenesisValidator(i, keys.consensus().publicKey(), keys.network().publicKey(), p2p, http));
        }
        return out;
    }

    private static Endpoint endpoint(String spec, String host, String port) {
        try {
            return new Endpoint(host, Integer.parseInt(port));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--validator '" + spec + "': " + e.getMessage());
        }
    }
}
