package dev.keel.node.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeSetupTest {
    @TempDir
    Path dir;

    private Validators net;

    @BeforeEach
    void setUp() throws IOException {
        net = Validators.create(dir, 4);
        net.genesis().save(dir.resolve("genesis.json"));
    }

    private Path config(int index, String keysDir) throws IOException {
        return Files.writeString(dir.resolve("node.conf"), """
                keel {
                  validator-index = %d
                  keys-dir = "%s"
                  data-dir = "data-%d"
                  listen.port = 7002
                  http.port = 8002
                }
                """.formatted(index, keysDir, index));
    }

    @Test
    void loadsConfigGenesisAndKeysThatAgree() throws IOException {
        NodeSetup s = NodeSetup.load(config(2, "v2"));
        assertEquals(2, s.index());
        assertEquals(net.genesis(), s.genesis());
        assertEquals(net.keys().get(2), s.keys());
        assertEquals(net.genesis().validator(2), s.self());
        assertEquals(3, s.peers().size());
        assertTrue(s.peers().stream().noneMatch(p -> p.index() == 2));
        assertEquals(2, s.replicaConfig().self());
        assertEquals(dir.resolve("data-2"), s.lmdb().directory());
        assertEquals(net.keys().get(2).consensus().publicKey(), s.lmdb().validatorKey());
    }

    @Test
    void indexBeyondTheGenesis() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> NodeSetup.load(config(4, "v2")));
        assertEquals("keel.validator-index: 4 but the genesis has 4 validators (0..3)", e.getMessage());
    }

    @Test
    void keysOfAnotherValidator() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> NodeSetup.load(config(2, "v1")));
        assertEquals("keel.validator-index", e.key());
        assertEquals("the genesis lists other consensus and network keys for validator 2 than " + dir.resolve("v1")
                + " holds; those are validator 1's (wrong keel.keys-dir or keel.validator-index?)", e.problem());
    }

    @Test
    void keysNotInTheGenesis() throws IOException {
        Validators.create(dir.resolve("other"), 1);
        ConfigException e = assertThrows(ConfigException.class, () -> NodeSetup.load(config(0, "other/v0")));
        assertTrue(e.problem().contains("those keys are not in the genesis at all"), e.problem());
    }

    @Test
    void brokenGenesisIsReportedWithItsFileAndField() throws IOException {
        Path g = dir.resolve("genesis.json");
        Files.writeString(g, Files.readString(g).replace("\"port\": 8001", "\"port\": 0"));
        ConfigException e = assertThrows(ConfigException.class, () -> NodeSetup.load(config(2, "v2")));
        assertEquals(g + ": validators[1].http.port: 0 is not a port (1-65535)", e.getMessage());
    }

    @Test
    void missingKeyFileIsReported() throws IOException {
        Files.delete(dir.resolve("v2/network.key"));
        ConfigException e = assertThrows(ConfigException.class, () -> NodeSetup.load(config(2, "v2")));
        assertTrue(e.getMessage().startsWith(dir.resolve("v2/network.key") + ": does not exist"), e.getMessage());
    }
}
