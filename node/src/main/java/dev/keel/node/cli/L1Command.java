package dev.keel.node.cli;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.node.checkpoint.L1Deploy;
import dev.keel.node.config.ConfigException;
import dev.keel.node.genesis.Genesis;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keel l1 deploy}: puts a chain's KeelCheckpoints contract on an L1. */
@Command(name = "l1", mixinStandardHelpOptions = true, description = "Work with the L1 that anchors checkpoints.",
        subcommands = L1Command.Deploy.class)
public final class L1Command {
    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Deploy the checkpoint contract with the genesis validator set; prints its address for keel.l1.contract.")
    static final class Deploy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--l1", required = true, paramLabel = "URL", description = "Ethereum JSON-RPC endpoint.")
        String url;

        @Option(names = "--genesis", required = true, paramLabel = "FILE", description = "The chain's genesis.json (with a checkpoint section).")
        Path genesis;

        @Option(names = "--key", paramLabel = "HEX", description = "Deployer's private key (default: the dev chains' first account; dev nodes only).")
        String key;

        @Option(names = "--fund-ether", paramLabel = "ETH",
                description = "Also send each validator's L1 account up to this much ether from the deployer (dev chains).")
        BigDecimal fund;

        @Override
        public Integer call() throws Exception {
            Genesis g;
            EthKey deployer;
            try {
                g = Genesis.load(genesis);
                deployer = EthKey.fromHex(key == null ? L1Deploy.DEV_DEPLOYER_KEY : key);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            var web3 = L1Deploy.connect(url);
            try {
                EthAddress contract = L1Deploy.deploy(web3, deployer, g);
                if (fund != null) {
                    L1Deploy.fund(web3, deployer, g.checkpoints().orElseThrow().signers(), fund);
                }
                spec.commandLine().getOut().println(contract.hex());
                spec.commandLine().getErr().println("deployed KeelCheckpoints for chain " + g.chainId() + " ("
                        + g.size() + " validators) on " + url + "; set keel.l1.contract = \"" + contract.hex() + "\"");
                return 0;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            } catch (Exception e) {
                spec.commandLine().getErr().println("keel l1 deploy: " + e.getMessage());
                return 1;
            } finally {
                web3.shutdown();
            }
        }
    }
}
