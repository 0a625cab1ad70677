package dev.keel.node.testnet;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.l1.CheckpointContract;
import dev.keel.checkpoint.sim.L1Simulator;
import dev.keel.checkpoint.sim.SimL1Config;
import dev.keel.node.checkpoint.L1Deploy;
import dev.keel.node.config.Json;
import dev.keel.node.genesis.Genesis;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.Web3j;

/**
 * The testnet's L1: by default an embedded simulator in this (the launcher's) process, which
 * every validator reaches on 127.0.0.1; or a real JSON-RPC endpoint ({@code --l1 URL}). Either
 * way the contract is deployed with the genesis's signers, and on a real dev chain the
 * validators' L1 accounts are funded from the deployer (Hardhat's first dev account unless
 * {@code --l1-key} says otherwise). {@code DIR/l1.json} remembers url and contract, so a
 * restarted testnet on the same real L1 reuses its contract.
 */
public final class TestnetL1 implements AutoCloseable {
    /** Simulator blocks: 1 s like the dev node in the tests; settled after 3 of them. */
    static final Duration SIM_BLOCK_TIME = Duration.ofSeconds(1);
    static final int CONFIRMATIONS = 3;

    private final Optional<L1Simulator> simulator;
    private final String url;
    private final EthAddress contract;

    private TestnetL1(Optional<L1Simulator> simulator, String url, EthAddress contract) {
        this.simulator = simulator;
        this.url = url;
        this.contract = contract;
    }

    /** @param realUrl a JSON-RPC endpoint, or null for the embedded simulator */
    public static TestnetL1 start(TestnetLayout layout, Genesis genesis, String realUrl, String deployerKey) throws IOException {
        Optional<L1Simulator> sim = Optional.empty();
        String url = realUrl;
        if (url == null) {
            sim = Optional.of(L1Simulator.start(SimL1Config.defaults().withBlockTime(SIM_BLOCK_TIME)));
            url = sim.get().url();
        }
        EthKey deployer = EthKey.fromHex(deployerKey == null ? L1Deploy.DEV_DEPLOYER_KEY : deployerKey);
        Web3j web3 = L1Deploy.connect(url);
        try {
            Path remembered = layout.dir().resolve("l1.json");
            Optional<EthAddress> reuse = realUrl == null ? Optional.empty() : rememberedContract(remembered, url, web3);
            EthAddress contract = reuse.isPresent() ? reuse.get() : L1Deploy.deploy(web3, deployer, genesis);
            if (realUrl != null) {
                L1Deploy.fund(web3, deployer, genesis.checkpoints().orElseThrow().signers(), BigDecimal.TEN);
            }
            Files.writeString(remembered, Json.write(Map.of("url", url, "contract", contract.hex())) + "\n");
            return new TestnetL1(sim, url, contract);
        } catch (Exception e) {
            sim.ifPresent(L1Simulator::close);
            throw new IOException("cannot set up the L1 at " + url + ": " + e.getMessage(), e);
        } finally {
            web3.shutdown();
        }
    }

    /** The contract {@code file} remembers for {@code url}, if one still answers there. */
    private static Optional<EthAddress> rememberedContract(Path file, String url, Web3j web3) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (!(Json.parse(Files.readString(file)) instanceof Map<?, ?> m) || !url.equals(m.get("url"))
                    || !(m.get("contract") instanceof String contract)) {
                return Optional.empty();
            }
            new CheckpointContract(web3, contract).latest(); // throws when nothing answers there
            return Optional.of(EthAddress.parse(contract));
        } catch (RuntimeException gone) {
            return Optional.empty(); // an unreadable file, or the L1 was reset: deploy afresh
        }
    }

    /** The node config's l1 block. */
    public String configBlock() {
        return """
                  l1 {
                    url = "%s"
                    contract = "%s"
                    confirmations = %d
                  }
                """.formatted(url, contract.hex(), CONFIRMATIONS);
    }

    public String url() {
        return url;
    }

    public EthAddress contract() {
        return contract;
    }

    public Optional<L1Simulator> simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.ifPresent(L1Simulator::close);
    }
}
