package dev.keel.node.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.config.Endpoint;
import dev.keel.node.keys.CliRun;
import dev.keel.node.keys.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen then genesis, as an operator runs them. */
class GenesisCommandTest {
    @TempDir
    Path dir;

    private List<String> keygen(int n) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path keys = dir.resolve("v" + i);
            assertEquals(0, CliRun.of("keygen", "--out", keys.toString()).exitCode());
            args.add("--validator");
            args.add("127.0.0.1:" + (7000 + i) + ":" + (8000 + i) + ":" + keys);
        }
        return args;
    }

    private CliRun genesis(List<String> validators, String... more) {
        List<String> args = new ArrayList<>(List.of("genesis", "--chain-id", "keel-local"));
        args.addAll(validators);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesAGenesisFromKeyDirectories() throws IOException {
        Path out = dir.resolve("genesis.json");
        CliRun run = genesis(keygen(4), "--out", out.toString(), "--base-timeout", "500ms", "--max-timeout", "10s",
                "--max-block-txs", "50", "--max-block-bytes", "65536", "--max-future-rounds", "20");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote " + out + ": chain keel-local, 4 validators (quorum 3, tolerates 1 faulty)\n", run.out());
        Genesis g = Genesis.load(out);
        assertEquals("keel-local", g.chainId());
        assertEquals(new ConsensusParams(Duration.ofMillis(500), Duration.ofSeconds(10), 50, 65536, 20), g.params());
        for (int i = 0; i < 4; i++) {
            var keys = KeyFiles.load(dir.resolve("v" + i));
            assertEquals(keys.consensus().publicKey(), g.validator(i).consensusKey());
            assertEquals(keys.network().publicKey(), g.validator(i).networkKey());
            assertEquals(new Endpoint("127.0.0.1", 7000 + i), g.validator(i).p2p());
            assertEquals(new Endpoint("127.0.0.1", 8000 + i), g.validator(i).http());
        }
    }

    @Test
    void defaultsAndIpv6() throws IOException {
        assertEquals(0, CliRun.of("keygen", "--out", dir.resolve("k").toString()).exitCode());
        Path out = dir.resolve("g.json");
        CliRun run = genesis(List.of("--validator", "[::1]:7000:8000:" + dir.resolve("k")), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Genesis g = Genesis.load(out);
        assertEquals(ConsensusParams.DEFAULT, g.params());
        assertEquals(new Endpoint("::1", 7000), g.validator(0).p2p());
    }

    @Test
    void refusesToOverwriteUnlessForced() throws IOException {
        List<String> vs = keygen(1);
        Path out = dir.resolve("genesis.json");
        assertEquals(0, genesis(vs, "--out", out.toString()).exitCode());
        CliRun again = genesis(vs, "--out", out.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("exists; pass --force to replace it"), again.err());
        assertEquals(0, genesis(vs, "--out", out.toString(), "--force").exitCode());
    }

    @Test
    void badValidatorSpecs() throws IOException {
        List<String> vs = keygen(2);
        assertBad(List.of("--validator", "127.0.0.1:7000:" + dir.resolve("v0")), "is not HOST:P2P_PORT:HTTP_PORT:KEY_DIR");
        assertBad(List.of("--validator", "127.0.0.1:70000:8000:" + dir.resolve("v0")), "70000 is not a port (1-65535)");
        assertBad(List.of("--validator", "127.0.0.1:7000:8000:" + dir.resolve("nokeys")), "does not exist (create keys with");
        // vs = [--validator, spec0, --validator, spec1]
        assertBad(List.of("--validator", vs.get(1), "--validator", vs.get(1).replace(":7000:8000:", ":7001:8001:")),
                "validators[1].consensus_key: key ");
        assertBad(List.of("--validator", vs.get(1), "--validator", vs.get(3).replace(":7001:", ":7000:")),
                "validators[1].p2p: 127.0.0.1:7000 is also validators[0].p2p");
    }

    @Test
    void badParameters() throws IOException {
        List<String> vs = keygen(1);
        assertBad(vs, "--base-timeout: 'soon' is not a duration", "--base-timeout", "soon");
        assertBad(vs, "params.max_timeout_ms: 100 ms is not between base_timeout_ms (1000)", "--max-timeout", "100ms");
        assertBad(vs, "params.max_block_txs: 0 is below 1", "--max-block-txs", "0");
        CliRun longId = CliRun.of("genesis", "--chain-id", "x".repeat(65), vs.get(0), vs.get(1),
                "--out", dir.resolve("never.json").toString());
        assertEquals(2, longId.exitCode());
        assertTrue(longId.err().contains("chain_id: chain id must be 1..64 bytes"), longId.err());
    }

    private void assertBad(List<String> validators, String expected, String... more) {
        List<String> all = new ArrayList<>(more.length > 0 ? List.of(more) : List.of());
        all.addAll(List.of("--out", dir.resolve("never.json").toString()));
        CliRun run = genesis(validators, all.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("keel: ") && run.err().contains(expected), run.err());
        assertTrue(!Files.exists(dir.resolve("never.json")));
    }
}
