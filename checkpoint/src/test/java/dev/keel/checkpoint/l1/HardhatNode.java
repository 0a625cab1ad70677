package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A local Hardhat 2.x node (checkpoint/l1) for tests: {@code npx hardhat node} on a free port,
 * chain id 31337, automine unless a block interval is given (KEEL_L1_BLOCK_MS). Installs the
 * npm packages with {@code npm ci} on first use, and fails (never skips) when npm is missing:
 * a skipped L1 test would hide a broken contract.
 */
public final class HardhatNode implements AutoCloseable {
    /** Hardhat's default accounts #0..#9 ("test test ... junk" mnemonic), 10000 ETH each at start. */
    public static final List<String> DEV_PRIVATE_KEYS = List.of(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
            "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
            "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
            "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
            "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
            "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");
    public static final long CHAIN_ID = 31337;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;
    private final String url;
    private final HttpService service;
    private final Web3j web3;

    private HardhatNode(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
        this.service = ContractFixture.httpService(url);
        this.web3 = Web3j.build(service);
    }

    /** An automining node. */
    public static HardhatNode start() {
        return start(0);
    }

    /** @param blockMs 0 = automine; N > 0 = a block every N ms, transactions wait for it */
    public static HardhatNode start(int blockMs) {
        if (blockMs < 0) {
            throw new IllegalArgumentException("blockMs must be >= 0, got " + blockMs);
        }
        Path dir = NodeProject.dir();
        NodeProject.ensureInstalled();
        int port = freePort();
        Path log = NodeProject.logFile("hardhat-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder("npx", "--no-install", "hardhat", "node", "--hostname", "127.0.0.1",
                "--port", Integer.toString(port)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("KEEL_L1_BLOCK_MS", Integer.toString(blockMs));
        pb.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
        Process p = NodeProject.launch(pb, "npx (Node.js/npm)");
        String url = "http://127.0.0.1:" + port;
        try {
            awaitReady(p, url, log);
        } catch (RuntimeException e) {
            kill(p);
            throw e;
        }
        return new HardhatNode(p, log, url);
    }

    public String url() {
        return url;
    }

    /** A client for this node; closed with the node. */
    public Web3j web3() {
        return web3;
    }

    public EthKey devKey(int index) {
        return EthKey.fromHex(DEV_PRIVATE_KEYS.get(index));
    }

    public List<EthKey> devKeys() {
        return DEV_PRIVATE_KEYS.stream().map(EthKey::fromHex).toList();
    }

    /** Sets the balance of {@code account} to exactly {@code wei} (hardhat_setBalance). */
    public void fund(EthAddress account, BigInteger wei) {
        rpc("hardhat_setBalance", account.hex(), "0x" + wei.toString(16));
    }

    /** evm_snapshot: an id to {@link #revert} to (each id can be reverted to once). */
    public String snapshot() {
        return String.valueOf(rpc("evm_snapshot"));
    }

    public void revert(String snapshotId) {
        if (!Boolean.TRUE.equals(rpc("evm_revert", snapshotId))) {
            throw new IllegalStateException("evm_revert " + snapshotId + " refused (unknown or already used id)");
        }
    }

    /** evm_mine: one block now, whatever the mining mode. */
    public void mine() {
        rpc("evm_mine");
    }

    /** The node's output so far, for failure messages. */
    public String logTail() {
        return NodeProject.tail(log);
    }

    private Object rpc(String method, Object... params) {
        try {
            AnyResponse r = new Request<>(method, List.of(params), service, AnyResponse.class).send();
            if (r.hasError()) {
                throw new IllegalStateException(method + " failed: " + r.getError().getMessage());
            }
            return r.getResult();
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
    }

    /** web3j needs a concrete Response class for custom methods; their results are scalars. */
    public static final class AnyResponse extends Response<Object> {
    }

    @Override
    public void close() {
        web3.shutdown();
        kill(process);
    }

    private static void kill(Process p) {
        // npx runs npm exec -> sh -> node: the server is a grandchild, so stop the whole tree.
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle h : tree) {
            awaitExit(h, deadline);
        }
        awaitExit(p.toHandle(), deadline);
    }

    private static void awaitExit(ProcessHandle h, long deadlineNanos) {
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        h.onExit().completeOnTimeout(h, left, TimeUnit.NANOSECONDS).join();
        if (h.isAlive()) {
            h.destroyForcibly();
        }
    }

    private static void awaitReady(Process p, String url, Path log) {
        // HTTP/1.1: the default HTTP/2 client sends an h2c upgrade that Node's server does not answer.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest chainId = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!p.isAlive()) {
                throw new IllegalStateException("hardhat node exited with " + p.exitValue() + " before answering; output:\n"
                        + NodeProject.tail(log));
            }
            try {
                HttpResponse<String> r = http.send(chainId, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"result\":\"0x7a69\"")) {
                    return;
                }
                if (r.statusCode() == 200) {
                    throw new IllegalStateException("node at " + url + " is not chain 31337: " + r.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted starting hardhat", e);
            }
            NodeProject.sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("hardhat node did not answer eth_chainId within " + START_TIMEOUT
                + "; output:\n" + NodeProject.tail(log));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }
}
