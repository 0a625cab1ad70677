package dev.keel.node.genesis;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import dev.keel.node.config.ConfigException;
import dev.keel.node.config.Endpoint;
import dev.keel.node.config.Json;
import dev.keel.node.config.JsonObject;
import dev.keel.node.config.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The genesis file, JSON:
 *
 * <pre>
 * {
 *   "version": 1,
 *   "chain_id": "keel-local",
 *   "epoch": 0,
 *   "params": {"base_timeout_ms": 1000, "max_timeout_ms": 30000, "max_block_txs": 1000,
 *              "max_block_bytes": 1048576, "max_future_rounds": 100},
 *   "validators": [
 *     {"index": 0, "consensus_key": "&lt;64 hex&gt;", "network_key": "&lt;64 hex&gt;",
 *      "p2p": {"host": "10.0.0.1", "port": 7001}, "http": {"host": "10.0.0.1", "port": 8001}},
 *     ...
 *   ]
 * }
 * </pre>
 *
 * Every field is required and unknown fields are errors: a field one validator's version
 * ignores and another's honours would split the chain at block 0.
 */
public final class GenesisFile {
    public static final int VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();

    private GenesisFile() {
    }

    public static Genesis load(Path file) throws IOException {
        String source = file.toAbsolutePath().normalize().toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("",
                    Files.exists(file) ? "is not a regular file" : "does not exist")));
        }
        if (Files.size(file) > Json.MAX_INPUT_CHARS) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("", "is too large for a genesis file")));
        }
        return decode(Files.readString(file, StandardCharsets.UTF_8), source);
    }

    public static void save(Genesis genesis, Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, encode(genesis), StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String encode(Genesis g) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("chain_id", g.chainId());
        root.put("epoch", g.epoch());
        ConsensusParams p = g.params();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("base_timeout_ms", p.baseTimeout().toMillis());
        params.put("max_timeout_ms", p.maxTimeout().toMillis());
        params.put("max_block_txs", p.maxBlockTxs());
        params.put("max_block_bytes", p.maxBlockBytes());
        params.put("max_future_rounds", p.maxFutureRounds());
        root.put("params", params);
        List<Object> validators = new ArrayList<>();
        for (GenesisValidator v : g.validators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", v.index());
            m.put("consensus_key", v.consensusKey().bytes().toHex());
            m.put("network_key", v.networkKey().bytes().toHex());
            m.put("p2p", endpoint(v.p2p()));
            m.put("http", endpoint(v.http()));
            validators.add(m);
        }
        root.put("validators", validators);
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("name", g.app().name());
        app.putAll(new java.util.TreeMap<>(g.app().params()));
        root.put("app", app);
        g.checkpoints().ifPresent(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interval", c.interval());
            m.put("signers", c.signers().stream().map(a -> (Object) a.hex()).toList());
            root.put("checkpoint", m);
        });
        return Json.pretty(root);
    }

    private static Map<String, Object> endpoint(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>(); // ordered: the file must be byte-identical everywhere
        m.put("host", e.host());
        m.put("port", e.port());
        return m;
    }

    /** Parses and checks genesis JSON; {@code source} (a file name, or null) prefixes the errors. */
    public static Genesis decode(String text, String source) {
        Problems problems = new Problems(source);
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.ParseException e) {
            problems.add("", "not valid JSON: " + e.getMessage());
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        JsonObject root = JsonObject.root(parsed, problems).orElse(null);
        if (root == null) {
            problems.throwIfAny();
        }
        root.integer("version", VERSION, VERSION);
        Optional<String> chainId = root.string("chain_id");
        OptionalLong epoch = root.integer("epoch", 0, Long.MAX_VALUE);
        Optional<ConsensusParams> params = root.object("params").flatMap(GenesisFile::params);
        Optional<List<GenesisValidator>> validators = root.objects("validators").flatMap(GenesisFile::validators);
        Optional<GenesisApp> app = root.has("app") ? root.object("app").flatMap(GenesisFile::app) : Optional.of(GenesisApp.KV);
        Optional<Optional<GenesisCheckpoints>> checkpoints = root.has("checkpoint")
                ? root.object("checkpoint").flatMap(GenesisFile::checkpoints).map(Optional::of)
                : Optional.of(Optional.empty());
        root.rejectUnknown();
        problems.throwIfAny();
        try {
            return new Genesis(chainId.get(), epoch.getAsLong(), params.get(), validators.get(), app.get(),
                    checkpoints.get());
        } catch (ConfigException e) {
            throw e.withSource(source);
        }
    }

    /** {@code "checkpoint": {"interval": 20, "signers": ["0x…", …]}}; absent means no checkpoints. */
    private static Optional<GenesisCheckpoints> checkpoints(JsonObject o) {
        OptionalLong interval = o.integer("interval", 1, dev.keel.checkpoint.CheckpointSchedule.MAX_INTERVAL);
        Optional<List<String>> signers = o.strings("signers");
        o.rejectUnknown();
        if (interval.isEmpty() || signers.isEmpty()) {
            return Optional.empty();
        }
        return o.problems().attempt("checkpoint", () -> new GenesisCheckpoints(interval.getAsLong(),
                signers.get().stream().map(dev.keel.checkpoint.EthAddress::parse).toList()));
    }

    /** {@code "app": {"name": "bank", ...params}}; absent means the key-value app. */
    private static Optional<GenesisApp> app(JsonObject o) {
        Optional<String> name = o.string("name");
        Map<String, Object> rest = new LinkedHashMap<>(o.raw());
        rest.remove("name");
        return name.map(n -> new GenesisApp(n, rest));
    }

    private static Optional<ConsensusParams> params(JsonObject o) {
        OptionalLong base = o.integer("base_timeout_ms", 1, Long.MAX_VALUE / 1_000_000);
        OptionalLong max = o.integer("max_timeout_ms", 1, Long.MAX_VALUE / 1_000_000);
        OptionalLong txs = o.integer("max_block_txs", 1, Integer.MAX_VALUE);
        OptionalLong bytes = o.integer("max_block_bytes", 1, Long.MAX_VALUE);
        OptionalLong future = o.integer("max_future_rounds", 1, Integer.MAX_VALUE);
        o.rejectUnknown();
        if (base.isEmpty() || max.isEmpty() || txs.isEmpty() || bytes.isEmpty() || future.isEmpty()) {
            return Optional.empty();
        }
        return o.problems().attempt("params", () -> new ConsensusParams(Duration.ofMillis(base.getAsLong()),
                Duration.ofMillis(max.getAsLong()), (int) txs.getAsLong(), bytes.getAsLong(), (int) future.getAsLong()));
    }

    private static Optional<List<GenesisValidator>> validators(List<JsonObject> list) {
        List<GenesisValidator> out = new ArrayList<>();
        boolean ok = true;
        for (JsonObject o : list) {
            Optional<GenesisValidator> v = validator(o);
            ok &= v.isPresent();
            v.ifPresent(out::add);
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<GenesisValidator> validator(JsonObject o) {
        OptionalLong index = o.integer("index", 0, Integer.MAX_VALUE);
        Optional<PublicKey> consensus = o.string("consensus_key").flatMap(h -> key(o, "consensus_key", h));
        Optional<PublicKey> network = o.string("network_key").flatMap(h -> key(o, "network_key", h));
        Optional<Endpoint> p2p = o.object("p2p").flatMap(GenesisFile::endpoint);
        Optional<Endpoint> http = o.object("http").flatMap(GenesisFile::endpoint);
        o.rejectUnknown();
        if (index.isEmpty() || consensus.isEmpty() || network.isEmpty() || p2p.isEmpty() || http.isEmpty()) {
            return Optional.empty();
        }
        return o.problems().attempt(o.path(), () -> new GenesisValidator(
                (int) index.getAsLong(), consensus.get(), network.get(), p2p.get(), http.get()));
    }

    private static Optional<Endpoint> endpoint(JsonObject o) {
        Optional<String> host = o.string("host");
        OptionalLong port = o.integer("port", Long.MIN_VALUE, Long.MAX_VALUE);
        o.rejectUnknown();
        if (port.isPresent() && !Endpoint.isPort(port.getAsLong())) {
            o.problems().add(o.key("port"), Endpoint.notAPort(port.getAsLong()));
            return Optional.empty();
        }
        if (host.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return o.problems().attempt(o.key("host"), () -> new Endpoint(host.get(), (int) port.getAsLong()));
    }

    private static Optional<PublicKey> key(JsonObject o, String field, String hex) {
        try {
            byte[] b = HEX.parseHex(hex);
            if (b.length != PublicKey.LENGTH) {
                o.problems().add(o.key(field), b.length + " bytes, expected " + PublicKey.LENGTH + " (64 hex digits)");
                return Optional.empty();
            }
            return Optional.of(new PublicKey(Bytes.wrap(b)));
        } catch (IllegalArgumentException e) {
            o.problems().add(o.key(field), "not hex");
            return Optional.empty();
        }
    }
}
