package dev.keel.node.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.ChainContext;
import dev.keel.network.PeerAddress;
import dev.keel.node.config.ConfigException;
import dev.keel.node.config.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisFileTest {
    @TempDir
    Path dir;

    private Validators net;
    private String json;

    @BeforeEach
    void setUp() throws IOException {
        net = Validators.create(dir, 4);
        json = GenesisFile.encode(net.genesis());
    }

    private ConfigException bad(String text) {
        return assertThrows(ConfigException.class, () -> GenesisFile.decode(text, "genesis.json"));
    }

    private String hex(int validator, boolean consensus) {
        var k = net.keys().get(validator);
        return (consensus ? k.consensus() : k.network()).publicKey().bytes().toHex();
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        Path f = dir.resolve("genesis.json");
        net.genesis().save(f);
        assertEquals(net.genesis(), Genesis.load(f));
        assertEquals(json, Files.readString(f));
        assertEquals(json, GenesisFile.encode(Genesis.load(f)), "encoding is deterministic");
    }

    @Test
    void documentedShape() {
        assertTrue(json.startsWith("{\n  \"version\": 1,\n  \"chain_id\": \"keel-test\",\n  \"epoch\": 0,\n  \"params\": {\n"
                + "    \"base_timeout_ms\": 1000,\n    \"max_timeout_ms\": 30000,\n    \"max_block_txs\": 1000,\n"
                + "    \"max_block_bytes\": 1048576,\n    \"max_future_rounds\": 100\n  },\n  \"validators\": [\n"
                + "    {\n      \"index\": 0,\n      \"consensus_key\": \"" + hex(0, true) + "\",\n"), json);
        assertTrue(json.contains("\"p2p\": {\n        \"host\": \"127.0.0.1\",\n        \"port\": 7000\n      },"), json);
    }

    @Test
    void derivedValues() {
        Genesis g = net.genesis();
        assertEquals(4, g.validatorSet().size());
        assertEquals(net.keys().get(2).consensus().publicKey(), g.validatorSet().key(2));
        assertEquals(new PeerAddress(3, "127.0.0.1", 7003, net.keys().get(3).network().publicKey()), g.peers().get(3));
        assertEquals(Block.genesis(new ChainContext("keel-test", 0), 4), g.genesisBlock());
        var rc = g.replicaConfig(1);
        assertEquals(1, rc.self());
        assertEquals(Duration.ofSeconds(1), rc.baseTimeout());
        assertEquals(3, rc.quorum());
    }

    @Test
    void duplicateKeys() {
        ConfigException e = bad(json.replace(hex(1, true), hex(0, true)));
        assertEquals("genesis.json: validators[1].consensus_key: key " + hex(0, true)
                + " is also validators[0].consensus_key (every key must be distinct)", e.getMessage());
        ConfigException cross = bad(json.replace(hex(2, false), hex(1, true)));
        assertEquals("validators[2].network_key", cross.key());
    }

    @Test
    void duplicateAddresses() {
        ConfigException e = bad(json.replace("\"port\": 7001", "\"port\": 7000"));
        assertEquals("genesis.json: validators[1].p2p: 127.0.0.1:7000 is also validators[0].p2p", e.getMessage());
        assertEquals("validators[2].http", bad(json.replace("\"port\": 8002", "\"port\": 7002")).key());
    }

    @Test
    void badPortsAndHosts() {
        assertEquals("genesis.json: validators[1].http.port: 70000 is not a port (1-65535)",
                bad(json.replace("\"port\": 8001", "\"port\": 70000")).getMessage());
        assertEquals("validators[0].p2p.host: '' is not a host name or address",
                bad(json.replaceFirst("\"host\": \"127.0.0.1\"", "\"host\": \"\"")).problems().get(0).toString());
    }

    @Test
    void unknownFieldsAtEveryLevel() {
        ConfigException e = bad(json.replace("\"epoch\": 0,", "\"epoch\": 0, \"extra\": 1,")
                .replace("\"max_block_txs\"", "\"max_blocks_txs\"")
                .replaceFirst("\"index\": 0,", "\"index\": 0, \"name\": \"a\",")
                .replaceFirst("\"port\": 8003", "\"port\": 8003, \"tls\": true"));
        assertEquals(List.of("extra", "params.max_block_txs", "params.max_blocks_txs", "validators[0].name",
                        "validators[3].http.tls"),
                e.problems().stream().map(ConfigException.Problem::key).sorted().toList());
        assertTrue(e.getMessage().contains("params.max_block_txs: missing"), e.getMessage());
        assertTrue(e.getMessage().contains("params.max_blocks_txs: unknown field"), e.getMessage());
    }

    @Test
    void emptyValidatorSet() {
        String empty = json.substring(0, json.indexOf("\"validators\": [") + 15) + "]\n}\n";
        assertEquals("genesis.json: validators: 0 validators; need 1..1024", bad(empty).getMessage());
    }

    @Test
    void indicesMustBeInOrder() {
        ConfigException e = bad(json.replace("\"index\": 2", "\"index\": 5"));
        assertEquals("validators[2].index", e.key());
        assertTrue(e.problem().startsWith("5 but it is validator 2 in the list"), e.problem());
    }

    @Test
    void badKeys() {
        assertEquals("validators[1].consensus_key: not hex",
                bad(json.replace(hex(1, true), "zz" + hex(1, true).substring(2))).problems().get(0).toString());
        assertEquals("validators[1].consensus_key: 31 bytes, expected 32 (64 hex digits)",
                bad(json.replace(hex(1, true), hex(1, true).substring(2))).problems().get(0).toString());
        // An encoding of a small-order point: refused, it would let one signature verify many messages.
        String smallOrder = "0100000000000000000000000000000000000000000000000000000000000000";
        assertEquals("validators[3].network_key: " + smallOrder + " is not a valid Ed25519 public key",
                bad(json.replace(hex(3, false), smallOrder)).problems().get(0).toString());
    }

    @Test
    void badParams() {
        ConfigException e = bad(json.replace("\"max_timeout_ms\": 30000", "\"max_timeout_ms\": 500")
                .replace("\"max_future_rounds\": 100", "\"max_future_rounds\": 0"));
        assertEquals(List.of("params.max_future_rounds: 0 is not in 1..2147483647"),
                e.problems().stream().map(Object::toString).toList(), "range checks come first");
        ConfigException order = bad(json.replace("\"max_timeout_ms\": 30000", "\"max_timeout_ms\": 500"));
        assertEquals("params.max_timeout_ms: 500 ms is not between base_timeout_ms (1000) and 3600000",
                order.problems().get(0).toString());
        assertEquals("params.max_block_bytes", bad(json.replace("\"max_block_bytes\": 1048576",
                "\"max_block_bytes\": 1e12")).key());
    }

    @Test
    void chainIdAndEpoch() {
        assertEquals("chain_id: chain id must be 1..64 bytes",
                bad(json.replace("\"keel-test\"", "\"\"")).problems().get(0).toString());
        ConfigException epoch = bad(json.replace("\"epoch\": 0", "\"epoch\": 3"));
        assertEquals("epoch", epoch.key());
        assertEquals("chain_id", bad(json.replace("\"keel-test\"", "7")).key());
    }

    @Test
    void wrongVersionAndNotJson() {
        assertEquals("version: 2 is not in 1..1", bad(json.replace("\"version\": 1", "\"version\": 2")).problems().get(0).toString());
        ConfigException e = bad(json.substring(0, 40));
        assertTrue(e.getMessage().startsWith("genesis.json: not valid JSON: line "), e.getMessage());
        assertEquals("genesis.json: expected an object, got an array", bad("[]").getMessage());
    }

    @Test
    void manyValidatorsStillFitAndCheckFast() {
        List<GenesisValidator> vs = new ArrayList<>();
        var random = new java.security.SecureRandom();
        for (int i = 0; i < 200; i++) {
            var c = dev.keel.node.keys.KeyFiles.newKeyPair(random);
            var n = dev.keel.node.keys.KeyFiles.newKeyPair(random);
            vs.add(new GenesisValidator(i, c.publicKey(), n.publicKey(), new Endpoint("10.0." + (i / 250) + "." + (i % 250), 7000),
                    new Endpoint("10.0." + (i / 250) + "." + (i % 250), 8000)));
        }
        Genesis g = new Genesis("big", 0, ConsensusParams.DEFAULT, vs);
        assertEquals(g, GenesisFile.decode(GenesisFile.encode(g), null));
    }

    @Test
    void missingFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> Genesis.load(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": does not exist", e.getMessage());
    }

    @Test
    void theApplicationIsPartOfTheGenesis() {
        Genesis g = net.genesis();
        assertEquals(GenesisApp.KV, GenesisFile.decode(GenesisFile.encode(g), null).app());
        Genesis bank = new Genesis(g.chainId(), 0, g.params(), g.validators(),
                new GenesisApp("bank", java.util.Map.of("demo_accounts", 3L, "demo_balance", 100L)));
        assertEquals(bank, GenesisFile.decode(GenesisFile.encode(bank), null));
        String text = GenesisFile.encode(g).replace("\"name\": \"kv\"", "\"name\": \"chess\"");
        var e = assertThrows(ConfigException.class, () -> GenesisFile.decode(text, "genesis.json"));
        assertTrue(e.getMessage().contains("app") && e.getMessage().contains("chess"), e.getMessage());
    }
}
