package dev.keel.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.keel.node.chain.ChainAccess;
import dev.keel.node.checkpoint.AnchorSummary;
import dev.keel.node.checkpoint.FakeCheckpointView;
import dev.keel.node.config.Json;
import dev.keel.node.http.ChainApi;
import dev.keel.node.http.ChainApiLimits;
import dev.keel.node.http.HttpServer;
import dev.keel.node.keys.CliRun;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel checkpoint status} against the real chain API serving a fake checkpoint view. */
class CheckpointCommandTest {
    private static final FakeCheckpointView VIEW = new FakeCheckpointView();
    private static ActorSystem<Void> system;
    private static HttpServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "checkpoint-cli-test",
                ConfigFactory.parseString("pekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
        // The command reads only /v1/checkpoints: any other use of the chain is a test failure.
        ChainAccess chain = (ChainAccess) Proxy.newProxyInstance(ChainAccess.class.getClassLoader(),
                new Class<?>[] {ChainAccess.class}, (proxy, method, args) -> {
                    throw new AssertionError("the CLI must not touch the chain: " + method.getName());
                });
        server = HttpServer.start(system, "127.0.0.1", 0, new ChainApi(chain, ChainApiLimits.forMaxTx(1024), VIEW).routes())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        url = "http://127.0.0.1:" + server.address().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        VIEW.reset();
    }

    @Test
    void printsTheSummaryAndTheNewestCheckpoints() {
        CliRun r = CliRun.of("checkpoint", "status", "--target", url);
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("keel checkpoint status: " + url), out);
        assertTrue(out.contains("anchored height  4"), out);
        assertTrue(out.contains("settled height   2"), out);
        assertTrue(out.contains("built / formed   #3 / #2"), out);
        assertTrue(out.contains("reachable, head 1234, contract " + FakeCheckpointView.CONTRACT + ", "
                + FakeCheckpointView.L1_URL), out);
        assertTrue(out.contains("in-flight tx     none"), out);
        List<String> rows = out.lines().filter(l -> l.trim().startsWith("#")).toList();
        assertEquals(3, rows.size(), out);
        assertEquals(List.of("#3", "5-6", "built", "1/3", "-", "0", "-", "-"), List.of(rows.get(0).trim().split("\\s+")));
        assertEquals(List.of("#2", "3-4", "anchored", "3/3", "1232", "2", "800", "ms", "-"),
                List.of(rows.get(1).trim().split("\\s+")));
        assertEquals(List.of("#1", "1-2", "settled", "3/3", "1221", "12", "-", "-"), List.of(rows.get(2).trim().split("\\s+")));
    }

    @Test
    void jsonIsTheNodesAnswerAsItIs() {
        CliRun r = CliRun.of("checkpoint", "status", "--target", url, "--json", "--limit", "2");
        assertEquals(0, r.exitCode(), r.err());
        Map<?, ?> body = (Map<?, ?>) Json.parse(r.out());
        assertEquals(2, ((List<?>) body.get("checkpoints")).size());
        assertEquals(true, ((Map<?, ?>) body.get("summary")).get("enabled"));
    }

    @Test
    void findsTheNodeThroughTheTestnetDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("testnet.json"), "{\"chain_id\": \"t\", \"validators\": [{\"id\": 0, \"http\": \""
                + url + "\"}]}");
        CliRun r = CliRun.of("checkpoint", "status", "--target", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("anchored height  4"), r.out());
    }

    @Test
    void unreachableIsExit2WithAClearMessage() throws Exception {
        String dead = "http://127.0.0.1:" + freePort();
        CliRun r = CliRun.of("checkpoint", "status", "--target", dead);
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("no validator answered"), r.err());
        assertTrue(r.err().contains(dead), r.err());
        assertEquals("", r.out());
    }

    @Test
    void skipsADeadNodeForOneThatAnswers() throws Exception {
        CliRun r = CliRun.of("checkpoint", "status", "--target", "http://127.0.0.1:" + freePort() + "," + url);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("keel checkpoint status: " + url), r.out());
    }

    @Test
    void disabledCheckpointsAreAnAnswerNotAnError() {
        VIEW.enabled.set(false);
        CliRun r = CliRun.of("checkpoint", "status", "--target", url);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("checkpoints are disabled on this chain"), r.out());
    }

    @Test
    void showsAnL1OutageAndConflicts() {
        VIEW.summary.set(new AnchorSummary(2, 3, 2, 4, 2, true, false, Optional.of("connection refused"), 1200,
                Optional.of(FakeCheckpointView.L1_URL), Optional.of(FakeCheckpointView.CONTRACT),
                Optional.of(FakeCheckpointView.L1_TX), 1, 0));
        String out = CliRun.of("checkpoint", "status", "--target", url).out();
        assertTrue(out.contains("UNREACHABLE (connection refused), last head 1200"), out);
        assertTrue(out.contains("in-flight tx     " + FakeCheckpointView.L1_TX), out);
        assertTrue(out.contains("conflicts 1, digest mismatches 0  <- ALERT"), out);
    }

    @Test
    void noCheckpointYet() {
        VIEW.checkpoints.clear();
        CliRun r = CliRun.of("checkpoint", "status", "--target", url);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("no checkpoint built yet"), r.out());
        assertFalse(r.out().contains("commit->anchored"), r.out());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        CliRun r = CliRun.of("checkpoint", "status", "--target", url, "--limit", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--limit must be 1..100, got 0"), r.err());
        CliRun missing = CliRun.of("checkpoint", "status", "--target", "/nonexistent/testnet");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot read /nonexistent/testnet"), missing.err());
    }

    /** A port nothing listens on: bound, then released. */
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
