package dev.keel.checkpoint.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in ABI and bytecode are exactly what the pinned solc makes of the .sol source
 * (node build-contract.js --check), and the check does catch a difference.
 */
class ContractBuildTest {
    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(2);
    private static final String RESOURCES = "src/main/resources/dev/keel/checkpoint/l1";

    @BeforeAll
    static void install() {
        NodeProject.ensureInstalled();
    }

    @Test
    void checkedInArtifactsAreReproducible() {
        NodeProject.Result r = NodeProject.run(NodeProject.dir(), List.of("node", "build-contract.js", "--check"),
                COMPILE_TIMEOUT, "build-contract-check.log");
        assertEquals(0, r.exitCode(), "checked-in artifacts differ from a fresh compile; run "
                + "`node build-contract.js` in checkpoint/l1 and commit the result:\n" + r.output());
        assertTrue(r.output().contains("OK:"), r.output());
    }

    /** A copy of the project with a changed contract: --check must fail and name the stale files. */
    @Test
    void checkFailsWhenTheSourceChanged(@TempDir Path tmp) throws IOException {
        Path l1 = NodeProject.dir();
        Path copy = tmp.resolve("l1");
        Files.createDirectories(copy.resolve("contracts"));
        Files.copy(l1.resolve("build-contract.js"), copy.resolve("build-contract.js"));
        Path link = Files.createSymbolicLink(copy.resolve("node_modules"), l1.resolve("node_modules"));
        String sol = Files.readString(l1.resolve("contracts/KeelCheckpoints.sol"), StandardCharsets.UTF_8);
        String changed = sol.replace("keel.checkpoint.v1", "keel.checkpoint.v2");
        assertTrue(!changed.equals(sol), "the tag string to change is in the contract");
        Files.writeString(copy.resolve("contracts/KeelCheckpoints.sol"), changed, StandardCharsets.UTF_8);
        Path resources = tmp.resolve(RESOURCES);
        Files.createDirectories(resources);
        for (String f : List.of("KeelCheckpoints.abi.json", "KeelCheckpoints.bin")) {
            Files.copy(l1.getParent().resolve(RESOURCES).resolve(f), resources.resolve(f));
        }
        NodeProject.Result r;
        try {
            r = NodeProject.run(copy, List.of("node", "build-contract.js", "--check"), COMPILE_TIMEOUT,
                    "build-contract-drift.log");
        } finally {
            Files.delete(link); // only the link: @TempDir cleanup must never walk into the real node_modules
        }
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("DIFFERS") && r.output().contains("KeelCheckpoints.bin"), r.output());
        assertTrue(!r.output().contains("KeelCheckpoints.abi.json (run"), "the ABI did not change: " + r.output());
    }
}
