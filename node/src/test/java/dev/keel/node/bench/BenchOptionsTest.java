package dev.keel.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.cli.Keel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keel bench} flags: a bad one is a usage error (exit 2) whose message names the flag and
 * the allowed range, before anything starts.
 */
class BenchOptionsTest {
    private static void assertUsageError(String expected, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "bench";
        System.arraycopy(args, 0, full, 1, args.length);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Keel()); // as Keel.main: a bad flag is exit 2 with the message
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.write("keel: " + ex.getMessage() + "\n");
            return 2;
        });
        int code = cli.execute(full);
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(expected), "wanted '" + expected + "' in: " + err);
    }

    @Test
    void rateMustBePositiveAndBounded() {
        assertUsageError("--rate must be 1..1000000 tx/s, got -5", "--rate", "-5");
        assertUsageError("--rate must be 1..1000000 tx/s, got 0", "--rate", "0");
        assertUsageError("--rate must be 1..1000000 tx/s, got 2000000", "--rate", "2000000");
    }

    @Test
    void rateIsANumber() {
        assertUsageError("--rate", "--rate", "fast");
    }

    @Test
    void txSizeMustFitAKvSetAndTheBlock() {
        assertUsageError("--tx-size must be 32..1048576 bytes, got 10", "--tx-size", "10");
        assertUsageError("--tx-size must be 32..1048576 bytes, got 2000000", "--tx-size", "2000000");
        assertUsageError("a set with a 6-byte key is 17..", "--tx-size", "70000"); // over kv's 64 KiB value
    }

    @Test
    void bankTxSizeMustFitATransfer() {
        assertUsageError("--tx-size for bank must be 146..402 bytes", "--app", "bank", "--tx-size", "100");
    }

    @Test
    void openAndClosedLoopExcludeEachOther() {
        assertUsageError("--rate and --clients exclude each other", "--rate", "10", "--clients", "4");
        assertUsageError("--clients must be 1..100000, got 0", "--clients", "0");
    }

    @Test
    void durationsAreCheckedByName() {
        assertUsageError("--duration: 'soon' is not a duration", "--duration", "soon");
        assertUsageError("--duration must be 1s..86400s, got 500ms", "--duration", "500ms");
        assertUsageError("--timeout must be 1s..600s, got 0s", "--timeout", "0s");
    }

    @Test
    void appAndTargetAreChecked() {
        assertUsageError("--app must be kv or bank, got 'dex'", "--app", "dex");
        assertUsageError("--target and --validators exclude each other", "--target", "http://127.0.0.1:1", "--validators", "4");
        assertUsageError("--validators must be 1..64, got 0", "--validators", "0");
        assertUsageError("is not a base URL", "--target", "http://", "--duration", "1s");
        assertUsageError("cannot read", "--target", "/nonexistent/keel-testnet", "--duration", "1s");
    }

    @Test
    void planDefaultsToAnOpenLoopOf1000PerSecond() {
        LoadPlan p = new LoadPlan("kv", 1000, 0, 256, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertTrue(p.openLoop());
        assertThrows(IllegalArgumentException.class,
                () -> new LoadPlan("kv", 0, 0, 256, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @Test
    void targetsFromATestnetDirectoryOrUrls(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("testnet.json"), """
                {"chain_id": "keel-testnet", "validators": [
                  {"id": 0, "http": "http://127.0.0.1:7001", "p2p": "127.0.0.1:7101", "pid": 1},
                  {"id": 1, "http": "http://127.0.0.1:7002/", "p2p": "127.0.0.1:7102", "pid": 2}]}
                """);
        assertEquals(List.of(URI.create("http://127.0.0.1:7001"), URI.create("http://127.0.0.1:7002")),
                Targets.parse(dir.toString()));
        assertEquals(List.of(URI.create("http://a:1"), URI.create("http://b:2")), Targets.parse("http://a:1, http://b:2/x"));
        Files.writeString(dir.resolve("testnet.json"), "{\"validators\": []}");
        var e = assertThrows(IllegalArgumentException.class, () -> Targets.parse(dir.toString()));
        assertTrue(e.getMessage().contains("no \"validators\""), e.getMessage());
    }
}
