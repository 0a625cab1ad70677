package dev.keel.node.testnet;

import dev.keel.checkpoint.EthAddress;
import dev.keel.node.config.Endpoint;
import dev.keel.node.genesis.Genesis;
import dev.keel.node.genesis.GenesisApp;
import dev.keel.node.genesis.GenesisCheckpoints;
import dev.keel.node.genesis.GenesisFile;
import dev.keel.node.genesis.GenesisValidator;
import dev.keel.node.keys.KeyFiles;
import dev.keel.node.keys.L1KeyFile;
import dev.keel.node.keys.ValidatorKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of a testnet whose validators each run on a host of their own (containers, VMs):
 * {@code DIR/vI/} holds everything validator I needs — {@code node.conf}, {@code genesis.json},
 * {@code keys/}, {@code data/} — and is meant to be mounted at {@link #ROOT} on its host, so the
 * config names paths as the host sees them. Every validator listens on all interfaces at the
 * same two ports; peers find each other at the genesis's {@code host:port} endpoints.
 */
public record HostLayout(Path dir, List<String> hosts, int p2pPort, int httpPort) {
    /** Where a validator's directory is mounted on its host. */
    public static final String ROOT = "/keel";

    public HostLayout {
        hosts = List.copyOf(hosts);
    }

    public Path nodeDir(int i) {
        return dir.resolve("v" + i);
    }

    /**
     * Creates keys, a genesis (the local testnet's fast round parameters, checkpoints every
     * {@code checkpointInterval} blocks) and configs for one validator per host.
     * {@code l1Block} is each config's {@code l1 { ... }} block, empty for none.
     */
    public static HostLayout create(Path dir, List<String> hosts, int p2pPort, int httpPort, GenesisApp app,
                                    long checkpointInterval, String l1Block) throws IOException {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        List<GenesisValidator> vals = new ArrayList<>();
        List<EthAddress> l1 = new ArrayList<>();
        HostLayout layout = new HostLayout(dir, hosts, p2pPort, httpPort);
        for (int i = 0; i < hosts.size(); i++) {
            Path keys = layout.nodeDir(i).resolve("keys");
            ValidatorKeys k = KeyFiles.generate(keys, false, random);
            l1.add(L1KeyFile.generate(keys, false, random).address());
            vals.add(new GenesisValidator(i, k.consensus().publicKey(), k.network().publicKey(),
                    new Endpoint(hosts.get(i), p2pPort), new Endpoint(hosts.get(i), httpPort)));
        }
        Genesis genesis = new Genesis(TestnetLayout.CHAIN_ID, 0, TestnetLayout.PARAMS, vals, app,
                Optional.of(new GenesisCheckpoints(checkpointInterval, l1)));
        GenesisFile.save(genesis, dir.resolve("genesis.json"));
        for (int i = 0; i < hosts.size(); i++) {
            layout.writeNode(layout.nodeDir(i), i, l1Block);
        }
        return layout;
    }

    /**
     * A second directory for validator {@code i}'s key — a byzantine twin for chaos tests: same
     * keys and genesis, its own empty data directory (so it remembers no votes of the original).
     */
    public Path twin(int i, String l1Block) throws IOException {
        Path twin = dir.resolve("twin" + i);
        Path keys = twin.resolve("keys");
        Files.createDirectories(keys);
        try (var files = Files.list(nodeDir(i).resolve("keys"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, keys.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        writeNode(twin, i, l1Block);
        return twin;
    }

    private void writeNode(Path nodeDir, int i, String l1Block) throws IOException {
        Files.createDirectories(nodeDir.resolve("data"));
        Files.copy(dir.resolve("genesis.json"), nodeDir.resolve("genesis.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(nodeDir.resolve("node.conf"), TestnetLayout.configText(
                "# Validator %d on host %s: this directory is mounted at %s there.%n".formatted(i, hosts.get(i), ROOT),
                ROOT + "/genesis.json", ROOT + "/keys", ROOT + "/data", i, "0.0.0.0", p2pPort, httpPort, l1Block));
    }
}
