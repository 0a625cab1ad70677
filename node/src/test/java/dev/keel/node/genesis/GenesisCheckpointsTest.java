package dev.keel.node.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.node.config.ConfigException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The genesis "checkpoint" section: round trip, absence, and every inconsistency refused with its field. */
class GenesisCheckpointsTest {
    @TempDir
    Path dir;

    private Genesis withCheckpoints(int signers) throws Exception {
        Genesis g = Validators.create(dir, 4).genesis();
        SecureRandom r = new SecureRandom();
        List<EthAddress> addrs = IntStream.range(0, signers).mapToObj(i -> EthKey.generate(r).address()).toList();
        return new Genesis(g.chainId(), 0, g.params(), g.validators(), g.app(), Optional.of(new GenesisCheckpoints(20, addrs)));
    }

    @Test
    void roundTripsAndOlderGenesisHasNone() throws Exception {
        Genesis g = withCheckpoints(4);
        String json = GenesisFile.encode(g);
        assertTrue(json.contains("\"checkpoint\": {\n    \"interval\": 20,\n    \"signers\": ["), json);
        assertEquals(g, GenesisFile.decode(json, "genesis.json"));
        Genesis old = Validators.create(dir.resolve("old"), 4).genesis();
        assertEquals(Optional.empty(), GenesisFile.decode(GenesisFile.encode(old), "genesis.json").checkpoints());
    }

    @Test
    void oneSignerPerValidator() {
        var e = assertThrows(ConfigException.class, () -> withCheckpoints(3));
        assertTrue(e.getMessage().contains("checkpoint.signers"), e.getMessage());
    }

    @Test
    void badSectionsAreNamed() throws Exception {
        String json = GenesisFile.encode(withCheckpoints(4));
        var e = assertThrows(ConfigException.class, () -> GenesisFile.decode(json.replace("\"interval\": 20", "\"interval\": 0"), "g"));
        assertTrue(e.getMessage().contains("checkpoint.interval"), e.getMessage());
        var e2 = assertThrows(ConfigException.class, () -> GenesisFile.decode(json.replaceFirst("\"0x[0-9a-f]{40}\"", "\"0x12\""), "g"));
        assertTrue(e2.getMessage().contains("checkpoint"), e2.getMessage());
        var e3 = assertThrows(ConfigException.class, () -> GenesisFile.decode(json.replace("\"interval\": 20", "\"interval\": 20, \"x\": 1"), "g"));
        assertTrue(e3.getMessage().contains("checkpoint.x"), e3.getMessage());
    }

    @Test
    void l2ChainIdIsStablePositiveAndDistinct() {
        long a = GenesisCheckpoints.l2ChainId("keel-testnet");
        assertEquals(a, GenesisCheckpoints.l2ChainId("keel-testnet"));
        assertTrue(a >= 0);
        assertNotEquals(a, GenesisCheckpoints.l2ChainId("keel-testnet-2"));
    }
}
