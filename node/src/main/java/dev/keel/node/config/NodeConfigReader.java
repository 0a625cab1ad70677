package dev.keel.node.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.anchor.L1Settings;
import dev.keel.mempool.MempoolConfig;
import java.math.BigInteger;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link NodeConfig} from HOCON. The keys, all under {@code keel}:
 *
 * <pre>
 * keel {
 *   genesis = "genesis.json"          # default genesis.json; must exist
 *   keys-dir = "keys"                 # default keys; must be a directory
 *   data-dir = "data"                 # default data; created on first start
 *   validator-index = 0               # required
 *   listen { host = "0.0.0.0", port = 7001 }     # host defaults to 0.0.0.0; port required
 *   http { host = "127.0.0.1", port = 8001 }     # host defaults to 127.0.0.1; port required
 *   storage { retain-blocks = 0, initial-map-size = 1GiB }   # both optional
 *   mempool { max-tx-bytes = 64KiB, max-txs = 200000, max-bytes = 256MiB, ttl-ms = 600000 }   # all optional
 *   l1 {                              # optional: without it checkpoints are signed but not anchored
 *     url = "http://127.0.0.1:8545"   # Ethereum JSON-RPC; required in the block
 *     contract = "0x…"                # the KeelCheckpoints address (keel l1 deploy prints it); required
 *     confirmations = 3               # L1 blocks for "settled"; 0 = use the L1's finalized tag
 *     poll-ms = 500, takeover-ms = 10000, replace-after-ms = 30000, max-fee-gwei = 500
 *   }
 * }
 * </pre>
 *
 * Keys outside {@code keel} are left alone (a file may also tune {@code pekko}); unknown
 * keys inside it are errors, since a misspelt key would otherwise fall back to a default.
 * Substitutions such as {@code port = ${?KEEL_P2P_PORT}} are resolved, numbers given as
 * strings are accepted.
 */
final class NodeConfigReader {
    /** The known keys under {@code keel}: leaves map to an empty set, blocks to their own keys. */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "genesis", Set.of(), "keys-dir", Set.of(), "data-dir", Set.of(), "validator-index", Set.of(),
            "listen", Set.of("host", "port"), "http", Set.of("host", "port"),
            "storage", Set.of("retain-blocks", "initial-map-size"),
            "mempool", Set.of("max-tx-bytes", "max-txs", "max-bytes", "ttl-ms"),
            "l1", Set.of("url", "contract", "confirmations", "poll-ms", "takeover-ms", "replace-after-ms", "max-fee-gwei"));

    private final Config config;
    private final Path baseDir;
    private final Problems problems;

    private NodeConfigReader(Config config, Path baseDir, Problems problems) {
        this.config = config;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    static NodeConfig load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new ConfigException("config", abs + (Files.exists(abs) ? " is not a regular file" : " does not exist"));
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(abs.toFile(),
                    ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
        } catch (com.typesafe.config.ConfigException e) {
            Problems problems = new Problems(abs.toString());
            addTypesafe(problems, e);
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        return read(parsed, abs.getParent(), abs.toString());
    }

    static NodeConfig parse(String hocon, Path baseDir) {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(hocon, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF));
        } catch (com.typesafe.config.ConfigException e) {
            Problems problems = new Problems(null);
            addTypesafe(problems, e);
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        return read(parsed, baseDir.toAbsolutePath().normalize(), null);
    }

    private static NodeConfig read(Config parsed, Path baseDir, String source) {
        Problems problems = new Problems(source);
        Config resolved;
        try {
            resolved = parsed.resolve();
        } catch (com.typesafe.config.ConfigException e) {
            addTypesafe(problems, e);
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        if (!resolved.hasPath("keel") || resolved.getValue("keel").valueType() != ConfigValueType.OBJECT) {
            problems.add("keel", "missing: the node's settings go in a keel { ... } block");
            problems.throwIfAny();
        }
        return new NodeConfigReader(resolved, baseDir, problems).read();
    }

    private NodeConfig read() {
        rejectUnknown(config.getObject("keel"), "keel", KNOWN);
        Path genesis = path("keel.genesis", "genesis.json");
        Path keysDir = path("keel.keys-dir", "keys");
        Path dataDir = path("keel.data-dir", "data");
        OptionalLong index = integer("keel.validator-index", null, 0, Integer.MAX_VALUE);
        Optional<Endpoint> listen = endpoint("keel.listen", "0.0.0.0");
        Optional<Endpoint> http = endpoint("keel.http", "127.0.0.1");
        OptionalLong retain = integer("keel.storage.retain-blocks", 0L, 0, Long.MAX_VALUE);
        OptionalLong mapSize = bytes("keel.storage.initial-map-size", NodeConfig.Storage.DEFAULT.initialMapSize());
        Optional<NodeConfig.Storage> storage = retain.isPresent() && mapSize.isPresent()
                ? problems.attempt("keel.storage", () -> new NodeConfig.Storage(retain.getAsLong(), mapSize.getAsLong()))
                : Optional.empty();
        MempoolConfig d = MempoolConfig.DEFAULT;
        OptionalLong maxTxBytes = bytes("keel.mempool.max-tx-bytes", d.maxTxBytes());
        OptionalLong maxTxs = integer("keel.mempool.max-txs", (long) d.maxTxs(), 1, 10_000_000);
        OptionalLong maxBytes = bytes("keel.mempool.max-bytes", d.maxBytes());
        OptionalLong ttl = integer("keel.mempool.ttl-ms", d.ttlMillis(), 1000, 86_400_000L);
        Optional<MempoolConfig> mempool = maxTxBytes.isPresent() && maxTxs.isPresent() && maxBytes.isPresent() && ttl.isPresent()
                ? problems.attempt("keel.mempool", () -> mempool(d, maxTxBytes.getAsLong(), maxTxs.getAsLong(),
                        maxBytes.getAsLong(), ttl.getAsLong()))
                : Optional.empty();
        Optional<Optional<L1Settings>> l1 = config.hasPath("keel.l1") ? l1().map(Optional::of) : Optional.of(Optional.empty());
        checkFiles(genesis, keysDir, dataDir);
        if (listen.isPresent() && http.isPresent()) {
            checkDistinct(listen.get(), http.get());
        }
        problems.throwIfAny();
        return new NodeConfig(genesis, keysDir, dataDir, (int) index.getAsLong(), listen.get(), http.get(), storage.get(),
                mempool.get(), l1.get());
    }

    private Optional<L1Settings> l1() {
        L1Settings d = L1Settings.defaults("http://127.0.0.1:8545", null);
        Optional<String> url = string("keel.l1.url", null);
        Optional<String> contract = string("keel.l1.contract", null);
        OptionalLong confirmations = integer("keel.l1.confirmations", (long) d.confirmations(), 0, 10_000);
        OptionalLong poll = integer("keel.l1.poll-ms", d.poll().toMillis(), 50, 600_000);
        OptionalLong takeover = integer("keel.l1.takeover-ms", d.takeover().toMillis(), 0, 3_600_000);
        OptionalLong replace = integer("keel.l1.replace-after-ms", d.replaceAfter().toMillis(), 1000, 3_600_000);
        OptionalLong maxFee = integer("keel.l1.max-fee-gwei", d.maxFeePerGas().divide(L1Settings.GWEI).longValueExact(),
                1, 1_000_000);
        Optional<EthAddress> address = contract.flatMap(c -> problems.attempt("keel.l1.contract", () -> EthAddress.parse(c)));
        if (url.isEmpty() || address.isEmpty() || confirmations.isEmpty() || poll.isEmpty() || takeover.isEmpty()
                || replace.isEmpty() || maxFee.isEmpty()) {
            return Optional.empty();
        }
        return address.flatMap(a -> problems.attempt("keel.l1", () -> new L1Settings(url.get(), a,
                (int) confirmations.getAsLong(), Duration.ofMillis(poll.getAsLong()),
                Duration.ofMillis(takeover.getAsLong()), Duration.ofMillis(replace.getAsLong()),
                L1Settings.GWEI.multiply(BigInteger.valueOf(maxFee.getAsLong())))));
    }

    private static MempoolConfig mempool(MempoolConfig d, long maxTxBytes, long maxTxs, long maxBytes, long ttl) {
        if (maxTxBytes < 1 || maxTxBytes > 4L << 20) {
            throw new ConfigException("keel.mempool.max-tx-bytes", maxTxBytes + " bytes is not in 1..4MiB (a transaction must fit a frame)");
        }
        if (maxBytes < maxTxBytes) {
            throw new ConfigException("keel.mempool.max-bytes", maxBytes + " bytes is below max-tx-bytes (" + maxTxBytes + ")");
        }
        return new MempoolConfig((int) maxTxBytes, (int) maxTxs, maxBytes, ttl, d.clientShare(), d.peerShare(),
                d.recentCommitted(), d.recentDropped());
    }

    private void rejectUnknown(ConfigObject obj, String prefix, Map<String, Set<String>> known) {
        for (Map.Entry<String, ConfigValue> e : new java.util.TreeMap<>(obj).entrySet()) { // sorted: stable output
            String key = prefix + "." + quoteIfNeeded(e.getKey());
            if (!known.containsKey(e.getKey())) {
                problems.add(key, "unknown key (known here: " + String.join(", ", new TreeSet<>(known.keySet())) + ")");
                continue;
            }
            Set<String> children = known.get(e.getKey());
            boolean isBlock = !children.isEmpty();
            if (isBlock && e.getValue() instanceof ConfigObject child) {
                Map<String, Set<String>> leaves = new java.util.HashMap<>();
                children.forEach(c -> leaves.put(c, Set.of()));
                rejectUnknown(child, key, leaves);
            } else if (isBlock) {
                problems.add(key, "expected a block { " + String.join(", ", new TreeSet<>(children)) + " }, got "
                        + describe(e.getValue()));
            }
        }
    }

    private Optional<Endpoint> endpoint(String key, String defaultHost) {
        if (has(key) && config.getValue(key).valueType() != ConfigValueType.OBJECT) {
            return Optional.empty(); // reported by rejectUnknown
        }
        if (!has(key)) {
            problems.add(key + ".port", "missing (required)");
            return Optional.empty();
        }
        Optional<String> host = string(key + ".host", defaultHost);
        OptionalLong port = integer(key + ".port", null, Long.MIN_VALUE, Long.MAX_VALUE);
        if (port.isPresent() && !Endpoint.isPort(port.getAsLong())) {
            problems.add(key + ".port", Endpoint.notAPort(port.getAsLong()));
            return Optional.empty();
        }
        if (host.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        return problems.attempt(key + ".host", () -> new Endpoint(host.get(), (int) port.getAsLong()));
    }

    private Path path(String key, String defaultValue) {
        String s = string(key, defaultValue).orElse(defaultValue);
        if (s.isBlank()) {
            problems.add(key, "is empty");
            return baseDir.resolve(defaultValue);
        }
        try {
            return baseDir.resolve(s).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(key, "'" + s + "' is not a path: " + e.getReason());
            return baseDir.resolve(defaultValue);
        }
    }

    private Optional<String> string(String key, String defaultValue) {
        if (!has(key)) {
            return Optional.ofNullable(defaultValue).or(() -> missing(key));
        }
        ConfigValue v = config.getValue(key);
        if (v.valueType() != ConfigValueType.STRING) {
            problems.add(key, "expected a string, got " + describe(v));
            return Optional.empty();
        }
        return Optional.of((String) v.unwrapped());
    }

    /** An integer; a missing key takes {@code defaultValue}, or is a problem when that is null. */
    private OptionalLong integer(String key, Long defaultValue, long min, long max) {
        if (!has(key)) {
            if (defaultValue == null) {
                missing(key);
                return OptionalLong.empty();
            }
            return OptionalLong.of(defaultValue);
        }
        ConfigValue v = config.getValue(key);
        Long value = switch (v.valueType()) {
            case NUMBER -> v.unwrapped() instanceof Integer || v.unwrapped() instanceof Long
                    ? Long.valueOf(((Number) v.unwrapped()).longValue()) : null;
            case STRING -> parseLong(((String) v.unwrapped()).trim());
            default -> null;
        };
        if (value == null) {
            problems.add(key, "expected an integer, got " + describe(v));
            return OptionalLong.empty();
        }
        if (value < min || value > max) {
            problems.add(key, value + (value < 0 ? " is negative" : " is too large (at most " + max + ")"));
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    private OptionalLong bytes(String key, long defaultValue) {
        if (!has(key)) {
            return OptionalLong.of(defaultValue);
        }
        try {
            return OptionalLong.of(config.getBytes(key));
        } catch (com.typesafe.config.ConfigException e) {
            problems.add(key, describe(config.getValue(key)) + " is not a size like 512MiB or 1GiB");
            return OptionalLong.empty();
        }
    }

    private void checkFiles(Path genesis, Path keysDir, Path dataDir) {
        if (!Files.exists(genesis)) {
            problems.add("keel.genesis", genesis + " does not exist (write one with 'keel genesis')");
        } else if (!Files.isRegularFile(genesis) || !Files.isReadable(genesis)) {
            problems.add("keel.genesis", genesis + " is not a readable file");
        }
        if (!Files.exists(keysDir)) {
            problems.add("keel.keys-dir", keysDir + " does not exist (create keys with 'keel keygen --out " + keysDir + "')");
        } else if (!Files.isDirectory(keysDir)) {
            problems.add("keel.keys-dir", keysDir + " is not a directory");
        }
        if (Files.exists(dataDir)) {
            if (!Files.isDirectory(dataDir) || !Files.isWritable(dataDir)) {
                problems.add("keel.data-dir", dataDir + " is not a writable directory");
            }
        } else {
            Path parent = dataDir.getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                problems.add("keel.data-dir", dataDir + " does not exist and cannot be created here ("
                        + parent + " is not a writable directory)");
            }
        }
    }

    private void checkDistinct(Endpoint listen, Endpoint http) {
        boolean sameHost = listen.host().equals(http.host()) || isWildcard(listen.host()) || isWildcard(http.host());
        if (listen.port() == http.port() && sameHost) {
            problems.add("keel.http.port", http.port() + " is also keel.listen.port; the API needs a port of its own");
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /**
     * A syntax or substitution error from the HOCON library, as "line N: what" (its own
     * message repeats the file name we already print, and suggests renaming the file to
     * .properties, which is never the fix here).
     */
    private static void addTypesafe(Problems problems, com.typesafe.config.ConfigException e) {
        String msg = String.valueOf(e.getMessage());
        var origin = e.origin();
        if (origin != null && msg.startsWith(origin.description() + ": ")) {
            msg = msg.substring(origin.description().length() + 2);
        }
        int hint = msg.indexOf(" (if you intended");
        if (hint > 0) {
            msg = msg.substring(0, hint);
        }
        problems.add(origin != null && origin.lineNumber() > 0 ? "line " + origin.lineNumber() : "", msg);
    }

    /** Like hasPath, but false (not an exception) under a key that is not a block: rejectUnknown reports that. */
    private boolean has(String key) {
        try {
            return config.hasPath(key);
        } catch (com.typesafe.config.ConfigException e) {
            return false;
        }
    }

    private <T> Optional<T> missing(String key) {
        problems.add(key, "missing (required)");
        return Optional.empty();
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String quoteIfNeeded(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    }

    private static String describe(ConfigValue v) {
        return switch (v.valueType()) {
            case STRING -> "'" + v.unwrapped() + "'";
            case OBJECT -> "a block";
            case LIST -> "a list";
            case NULL -> "null";
            default -> String.valueOf(v.unwrapped());
        };
    }
}
