package dev.keel.node.checkpoint;

import dev.keel.checkpoint.CheckpointSigners;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.l1.CheckpointContract;
import dev.keel.node.genesis.Genesis;
import dev.keel.node.genesis.GenesisCheckpoints;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import okhttp3.OkHttpClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

/** Deploying a chain's KeelCheckpoints contract, and funding validators' L1 accounts on dev chains. */
public final class L1Deploy {
    /**
     * Hardhat's and Anvil's first dev account (from their public default mnemonic): funded on every
     * dev node, worthless anywhere else. The testnet deploys with it unless told otherwise.
     */
    public static final String DEV_DEPLOYER_KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private L1Deploy() {
    }

    public static Web3j connect(String url) {
        return Web3j.build(new HttpService(url, new OkHttpClient.Builder()
                .callTimeout(java.time.Duration.ofSeconds(30)).build()));
    }

    /** Deploys the contract with {@code genesis}'s checkpoint signers and quorum; returns its address. */
    public static EthAddress deploy(Web3j web3, EthKey deployer, Genesis genesis) throws java.io.IOException {
        GenesisCheckpoints gc = genesis.checkpoints().orElseThrow(() -> new IllegalArgumentException(
                "the genesis has no \"checkpoint\" section: this chain does not anchor"));
        CheckpointSigners signers = gc.checkpointSigners();
        long l1ChainId = web3.ethChainId().send().getChainId().longValueExact();
        String address = CheckpointContract.deploy(web3, deployer, l1ChainId, GenesisCheckpoints.l2ChainId(genesis.chainId()),
                signers.sorted(), signers.threshold());
        return EthAddress.parse(address);
    }

    /** Sends {@code ether} to each account that holds less, from {@code funder} (dev chains). */
    public static void fund(Web3j web3, EthKey funder, List<EthAddress> accounts, BigDecimal ether) throws Exception {
        long chainId = web3.ethChainId().send().getChainId().longValueExact();
        var tm = new RawTransactionManager(web3, Credentials.create(funder.web3jKeyPair()), chainId);
        BigInteger want = Convert.toWei(ether, Convert.Unit.ETHER).toBigIntegerExact();
        for (EthAddress a : accounts) {
            BigInteger has = web3.ethGetBalance(a.hex(), org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send()
                    .getBalance();
            if (has.compareTo(want) < 0) {
                new Transfer(web3, tm).sendFunds(a.hex(), ether, Convert.Unit.ETHER).send();
            }
        }
    }
}
