package dev.keel.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.EthAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code keel.l1} block: optional, defaults filled, every bad value named. */
class L1ConfigTest {
    private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("genesis.json"), "{}");
        Files.createDirectory(dir.resolve("keys"));
    }

    private static String withL1(String l1) {
        return "keel {\n validator-index = 0\n listen.port = 7001\n http.port = 8001\n" + l1 + "\n}";
    }

    @Test
    void absentMeansNoAnchoring() {
        assertTrue(NodeConfig.parse(withL1(""), dir).l1().isEmpty());
    }

    @Test
    void defaultsFillTheRest() {
        var l1 = NodeConfig.parse(withL1("l1 { url = \"http://127.0.0.1:8545\", contract = \"" + CONTRACT + "\" }"), dir)
                .l1().orElseThrow();
        assertEquals("http://127.0.0.1:8545", l1.url());
        assertEquals(EthAddress.parse(CONTRACT), l1.contract());
        assertEquals(3, l1.confirmations());
        assertEquals(Duration.ofMillis(500), l1.poll());
        assertEquals(Duration.ofSeconds(10), l1.takeover());
        assertEquals(BigInteger.valueOf(500_000_000_000L), l1.maxFeePerGas());
    }

    @Test
    void everyKeyIsRead() {
        var l1 = NodeConfig.parse(withL1("l1 { url = \"https://rpc.example\", contract = \"" + CONTRACT + "\", "
                + "confirmations = 0, poll-ms = 2000, takeover-ms = 0, replace-after-ms = 60000, max-fee-gwei = 42 }"), dir)
                .l1().orElseThrow();
        assertEquals(0, l1.confirmations());
        assertEquals(Duration.ZERO, l1.takeover());
        assertEquals(Duration.ofMinutes(1), l1.replaceAfter());
        assertEquals(BigInteger.valueOf(42_000_000_000L), l1.maxFeePerGas());
    }

    @Test
    void badValuesAreNamed() {
        var e = assertThrows(ConfigException.class, () -> NodeConfig.parse(withL1("l1 { url = \"ftp://x\", contract = \"0x12\", "
                + "confirmations = -1, colour = blue }"), dir));
        String m = e.getMessage();
        assertTrue(m.contains("keel.l1.contract"), m);
        assertTrue(m.contains("keel.l1.confirmations"), m);
        assertTrue(m.contains("keel.l1.colour"), m);
        var e2 = assertThrows(ConfigException.class, () -> NodeConfig.parse(withL1("l1 { url = \"ftp://x\", contract = \""
                + CONTRACT + "\" }"), dir));
        assertTrue(e2.getMessage().contains("http(s) JSON-RPC endpoint"), e2.getMessage());
        var e3 = assertThrows(ConfigException.class, () -> NodeConfig.parse(withL1("l1 { contract = \"" + CONTRACT + "\" }"), dir));
        assertTrue(e3.getMessage().contains("keel.l1.url"), e3.getMessage());
    }
}
