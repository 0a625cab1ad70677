package dev.keel.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.storage.lmdb.LmdbConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad config: each must name the full key and say what is wrong. */
class NodeConfigTest {
    private static final String MINIMAL = """
            keel {
              validator-index = 1
              listen.port = 7001
              http.port = 8001
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("genesis.json"), "{}");
        Files.createDirectory(dir.resolve("keys"));
    }

    private NodeConfig parse(String hocon) {
        return NodeConfig.parse(hocon, dir);
    }

    private ConfigException bad(String hocon) {
        return assertThrows(ConfigException.class, () -> parse(hocon));
    }

    private static String withKeel(String body) {
        return "keel {\n validator-index = 1\n listen.port = 7001\n http.port = 8001\n" + body + "\n}";
    }

    @Test
    void fullConfigIsRead() throws IOException {
        Files.createDirectories(dir.resolve("etc/k"));
        Files.writeString(dir.resolve("etc/g.json"), "{}");
        NodeConfig c = parse("""
                keel {
                  genesis = "etc/g.json"
                  keys-dir = "etc/k"
                  data-dir = "/var/tmp/keel-data"
                  validator-index = 3
                  listen { host = "10.0.0.3", port = 7003 }
                  http { host = "0.0.0.0", port = 8003 }
                  storage { retain-blocks = 100000, initial-map-size = 256MiB }
                  mempool { max-tx-bytes = 1KiB, max-txs = 5000, max-bytes = 4MiB, ttl-ms = 30000 }
                }
                pekko.loglevel = DEBUG
                """);
        assertEquals(dir.resolve("etc/g.json"), c.genesis());
        assertEquals(dir.resolve("etc/k"), c.keysDir());
        assertEquals(Path.of("/var/tmp/keel-data"), c.dataDir());
        assertEquals(3, c.validatorIndex());
        assertEquals(new Endpoint("10.0.0.3", 7003), c.listen());
        assertEquals(new Endpoint("0.0.0.0", 8003), c.http());
        assertEquals(new NodeConfig.Storage(100_000, 256L << 20), c.storage());
        assertEquals(1024, c.mempool().maxTxBytes());
        assertEquals(5000, c.mempool().maxTxs());
        assertEquals(4L << 20, c.mempool().maxBytes());
        assertEquals(30_000, c.mempool().ttlMillis());
    }

    @Test
    void badMempoolLimitsAreNamed() {
        var e = assertThrows(ConfigException.class, () -> parse(MINIMAL.replace("}", "  mempool { max-tx-bytes = 8KiB, max-bytes = 1KiB }\n}")));
        assertTrue(e.getMessage().contains("keel.mempool.max-bytes"), e.getMessage());
    }

    @Test
    void defaultsFillTheRest() {
        NodeConfig c = parse(MINIMAL);
        assertEquals(dir.resolve("genesis.json"), c.genesis());
        assertEquals(dir.resolve("keys"), c.keysDir());
        assertEquals(dir.resolve("data"), c.dataDir());
        assertEquals(new Endpoint("0.0.0.0", 7001), c.listen());
        assertEquals(new Endpoint("127.0.0.1", 8001), c.http());
        assertEquals(NodeConfig.Storage.DEFAULT, c.storage());
        assertEquals(dev.keel.mempool.MempoolConfig.DEFAULT, c.mempool());
        LmdbConfig lmdb = c.lmdb("chain", new dev.keel.consensus.types.PublicKey(
                dev.keel.consensus.types.Bytes.wrap(new byte[32])));
        assertEquals(dir.resolve("data"), lmdb.directory());
        assertEquals(LmdbConfig.DEFAULT_MAP_SIZE, lmdb.initialMapSize());
    }

    @Test
    void loadReadsAFileAndResolvesPathsFromItsDirectory() throws IOException {
        Path conf = dir.resolve("node.conf");
        Files.writeString(conf, MINIMAL);
        NodeConfig c = NodeConfig.load(conf);
        assertEquals(dir.resolve("keys"), c.keysDir());
    }

    @Test
    void portOutOfRange() {
        ConfigException e = bad(MINIMAL.replace("http.port = 8001", "http.port = 70000"));
        assertEquals("keel.http.port", e.key());
        assertEquals("keel.http.port: 70000 is not a port (1-65535)", e.getMessage());
    }

    @Test
    void portZeroAndNegative() {
        assertEquals("keel.listen.port: 0 is not a port (1-65535)",
                bad(MINIMAL.replace("listen.port = 7001", "listen.port = 0")).getMessage());
        assertEquals("keel.listen.port: -5 is not a port (1-65535)",
                bad(MINIMAL.replace("listen.port = 7001", "listen.port = -5")).getMessage());
    }

    @Test
    void wrongType() {
        ConfigException e = bad(MINIMAL.replace("validator-index = 1", "validator-index = \"one\""));
        assertEquals("keel.validator-index: expected an integer, got 'one'", e.getMessage());
        assertEquals("keel.validator-index: expected an integer, got 1.5",
                bad(MINIMAL.replace("validator-index = 1", "validator-index = 1.5")).getMessage());
        assertEquals("keel.genesis: expected a string, got a list", bad(withKeel("genesis = [1]")).getMessage());
        assertEquals("keel.http: expected a block { host, port }, got 8001",
                bad("keel { validator-index = 1, listen.port = 7001, http = 8001 }").getMessage());
    }

    @Test
    void numbersAsStringsAreAccepted() {
        // What ${?ENV} substitutions produce.
        assertEquals(9001, parse(MINIMAL.replace("http.port = 8001", "http.port = \"9001\"")).http().port());
    }

    @Test
    void environmentSubstitutionWithFallback() {
        NodeConfig c = parse(MINIMAL.replace("http.port = 8001", "http.port = 8001\n  http.port = ${?KEEL_TEST_UNSET_VAR}"));
        assertEquals(8001, c.http().port());
    }

    @Test
    void unresolvedSubstitution() {
        ConfigException e = bad(MINIMAL.replace("http.port = 8001", "http.port = ${NO_SUCH_VARIABLE_HERE}"));
        assertTrue(e.getMessage().startsWith("line 4: Could not resolve substitution to a value: ${NO_SUCH_VARIABLE_HERE}"),
                e.getMessage());
    }

    @Test
    void unknownKeysUnderKeelAreRejectedAtEveryLevel() {
        ConfigException e = bad(withKeel("htp { port = 1 }\nstorage.retain-block = 5\nlisten.hots = x"));
        assertEquals(List.of("keel.htp", "keel.listen.hots", "keel.storage.retain-block"),
                e.problems().stream().map(ConfigException.Problem::key).sorted().toList());
        assertTrue(e.getMessage().contains("keel.htp: unknown key (known here: data-dir, genesis, http, keys-dir, l1, listen, "
                + "mempool, storage, validator-index)"), e.getMessage());
    }

    @Test
    void keysOutsideKeelAreLeftAlone() {
        parse(MINIMAL + "\npekko.actor.whatever = 1\nsomething-else = true");
    }

    @Test
    void missingRequiredKeys() {
        ConfigException e = bad("keel { }");
        assertEquals(List.of("keel.validator-index: missing (required)", "keel.listen.port: missing (required)",
                "keel.http.port: missing (required)"), e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void missingKeelBlock() {
        assertEquals("keel: missing: the node's settings go in a keel { ... } block", bad("other { a = 1 }").getMessage());
        assertEquals("keel", bad("keel = 5").key());
    }

    @Test
    void negativeValues() {
        assertEquals("keel.validator-index: -1 is negative",
                bad(MINIMAL.replace("validator-index = 1", "validator-index = -1")).getMessage());
        assertEquals("keel.storage.retain-blocks: -3 is negative", bad(withKeel("storage.retain-blocks = -3")).getMessage());
    }

    @Test
    void badSizes() {
        assertEquals("keel.storage.initial-map-size: 'lots' is not a size like 512MiB or 1GiB",
                bad(withKeel("storage.initial-map-size = lots")).getMessage());
        ConfigException small = bad(withKeel("storage.initial-map-size = 1KiB"));
        assertEquals("keel.storage.initial-map-size", small.key());
        assertTrue(small.problem().startsWith("1024 bytes is not in 65536.."), small.getMessage());
    }

    @Test
    void badHost() {
        ConfigException e = bad(withKeel("http.host = \"a b\""));
        assertEquals("keel.http.host: 'a b' is not a host name or address", e.getMessage());
    }

    @Test
    void sameHostAndPortForApiAndTransport() {
        ConfigException e = bad(MINIMAL.replace("http.port = 8001", "http.port = 7001"));
        assertEquals("keel.http.port", e.key());
        assertTrue(e.problem().contains("also keel.listen.port"), e.getMessage());
    }

    @Test
    void genesisFileMustExist() {
        ConfigException e = bad(withKeel("genesis = \"nope.json\""));
        assertEquals("keel.genesis", e.key());
        assertEquals(dir.resolve("nope.json") + " does not exist (write one with 'keel genesis')", e.problem());
    }

    @Test
    void keysDirMustBeADirectory() throws IOException {
        assertEquals("keel.keys-dir", bad(withKeel("keys-dir = \"missing-keys\"")).key());
        Files.writeString(dir.resolve("afile"), "x");
        ConfigException e = bad(withKeel("keys-dir = \"afile\""));
        assertEquals("keel.keys-dir: " + dir.resolve("afile") + " is not a directory", e.getMessage());
    }

    @Test
    void dataDirMustNotBeAFile() throws IOException {
        Files.writeString(dir.resolve("afile"), "x");
        ConfigException e = bad(withKeel("data-dir = \"afile\""));
        assertEquals("keel.data-dir: " + dir.resolve("afile") + " is not a writable directory", e.getMessage());
    }

    @Test
    void hoconSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path conf = dir.resolve("node.conf");
        Files.writeString(conf, "keel {\n  validator-index = 1\n  http { port = }\n");
        ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.load(conf));
        assertEquals(conf + ": line 3: Expecting a value but got wrong token: '}'", e.getMessage());
    }

    @Test
    void missingConfigFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.load(dir.resolve("absent.conf")));
        assertEquals("config: " + dir.resolve("absent.conf") + " does not exist", e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = bad("""
                keel {
                  validator-index = -2
                  listen { port = 99999 }
                  http { port = abc }
                  genesis = "missing.json"
                  colour = blue
                }
                """);
        assertEquals(List.of("keel.colour", "keel.genesis", "keel.http.port", "keel.listen.port", "keel.validator-index"),
                e.problems().stream().map(ConfigException.Problem::key).sorted().toList());
        assertTrue(e.getMessage().startsWith("5 problems:\n  keel.colour: unknown key"), e.getMessage());
    }
}
