package dev.keel.node.testnet;

import dev.keel.node.config.Endpoint;
import dev.keel.node.genesis.ConsensusParams;
import dev.keel.node.genesis.Genesis;
import dev.keel.node.genesis.GenesisApp;
import dev.keel.node.genesis.GenesisFile;
import dev.keel.node.genesis.GenesisValidator;
import dev.keel.checkpoint.EthAddress;
import dev.keel.node.genesis.GenesisCheckpoints;
import dev.keel.node.keys.KeyFiles;
import dev.keel.node.keys.L1KeyFile;
import java.util.Optional;
import dev.keel.node.keys.ValidatorKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a local testnet under one directory: {@code genesis.json}, and per validator
 * {@code vI/keys}, {@code vI/node.conf}, {@code vI/data}, {@code vI/node.log}. Ports are picked
 * free on 127.0.0.1 when the testnet is created, and kept when it is reused.
 */
public record TestnetLayout(Path dir, int validators, List<Endpoint> p2p, List<Endpoint> http) {
    static final String CHAIN_ID = "keel-testnet";
    /** Blocks per checkpoint: a few seconds of an idle testnet, so anchoring is visible at once. */
    static final long CHECKPOINT_INTERVAL = 20;
    /** Faster rounds than production defaults: all validators share one machine's loopback. */
    static final ConsensusParams PARAMS = new ConsensusParams(Duration.ofMillis(500), Duration.ofSeconds(8), 4000, 2L << 20, 100);

    Path nodeDir(int i) {
        return dir.resolve("v" + i);
    }

    public Path config(int i) {
        return nodeDir(i).resolve("node.conf");
    }

    Path log(int i) {
        return nodeDir(i).resolve("node.log");
    }

    Path dataDir(int i) {
        return nodeDir(i).resolve("data");
    }

    /** Reuses the testnet in {@code dir} if it has one with this many validators; otherwise creates one. */
    public static TestnetLayout prepare(Path dir, int validators) throws IOException {
        return prepare(dir, validators, GenesisApp.KV);
    }

    /**
     * As {@link #prepare(Path, int)}, with {@code app} for a new testnet; an existing one must
     * run the same application (its state would not make sense to another).
     */
    public static TestnetLayout prepare(Path dir, int validators, GenesisApp app) throws IOException {
        Path genesisFile = dir.resolve("genesis.json");
        if (Files.exists(genesisFile)) {
            Genesis g = GenesisFile.load(genesisFile);
            if (g.size() != validators) {
                throw new IllegalArgumentException(dir + " holds a testnet of " + g.size() + " validators, not " + validators
                        + "; use --fresh to replace it or --dir for another directory");
            }
            if (!g.app().name().equals(app.name())) {
                throw new IllegalArgumentException(dir + " holds a testnet running the " + g.app().name() + " app, not "
                        + app.name() + "; use --fresh to replace it or --dir for another directory");
            }
            List<Endpoint> p2p = g.validators().stream().map(GenesisValidator::p2p).toList();
            List<Endpoint> http = g.validators().stream().map(GenesisValidator::http).toList();
            return new TestnetLayout(dir, validators, p2p, http);
        }
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty and holds no testnet; choose another --dir");
                }
            }
        }
        return create(dir, validators, app);
    }

    private static TestnetLayout create(Path dir, int n, GenesisApp app) throws IOException {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        List<Integer> ports = freePorts(2 * n);
        List<Endpoint> p2p = new ArrayList<>();
        List<Endpoint> http = new ArrayList<>();
        List<GenesisValidator> vals = new ArrayList<>();
        List<EthAddress> l1Addresses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path nodeDir = dir.resolve("v" + i);
            ValidatorKeys keys = KeyFiles.generate(nodeDir.resolve("keys"), false, random);
            l1Addresses.add(L1KeyFile.generate(nodeDir.resolve("keys"), false, random).address());
            p2p.add(new Endpoint("127.0.0.1", ports.get(2 * i)));
            http.add(new Endpoint("127.0.0.1", ports.get(2 * i + 1)));
            vals.add(new GenesisValidator(i, keys.consensus().publicKey(), keys.network().publicKey(), p2p.get(i), http.get(i)));
        }
        Genesis genesis = new Genesis(CHAIN_ID, 0, PARAMS, vals, app,
                Optional.of(new GenesisCheckpoints(CHECKPOINT_INTERVAL, l1Addresses)));
        GenesisFile.save(genesis, dir.resolve("genesis.json"));
        TestnetLayout layout = new TestnetLayout(dir, n, p2p, http);
        layout.writeConfigs(""); // no L1 until Testnet.start (or a test) says which
        return layout;
    }

    /** (Re)writes every validator's config; {@code l1} is the config's l1 block (empty: none). */
    public void writeConfigs(String l1) throws IOException {
        for (int i = 0; i < validators(); i++) {
            Files.writeString(config(i), nodeConfig(this, i, l1));
        }
    }

    private static String nodeConfig(TestnetLayout l, int i, String l1) {
        return configText("""
                # Validator %d of the local testnet (made by keel testnet). Restart it by hand with:
                #   ./keel run --config %s
                """.formatted(i, l.config(i).toAbsolutePath()), l.dir().resolve("genesis.json").toAbsolutePath().toString(),
                l.nodeDir(i).resolve("keys").toAbsolutePath().toString(), l.dataDir(i).toAbsolutePath().toString(), i,
                "127.0.0.1", l.p2p().get(i).port(), l.http().get(i).port(), l1);
    }

    /** A validator's node.conf: the one shape both the local testnet and {@link HostLayout} write. */
    static String configText(String header, String genesis, String keysDir, String dataDir, int index, String host,
                             int p2pPort, int httpPort, String l1) {
        return header + """
                keel {
                  genesis = "%s"
                  keys-dir = "%s"
                  data-dir = "%s"
                  validator-index = %d
                  listen { host = "%s", port = %d }
                  http { host = "%s", port = %d }
                %s}
                """.formatted(genesis, keysDir, dataDir, index, host, p2pPort, host, httpPort, l1);
    }

    /** Ports the kernel hands out as free right now (held together so they are distinct). */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
