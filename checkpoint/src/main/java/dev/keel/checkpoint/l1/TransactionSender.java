package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.EthKey;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs and sends transactions from one key: legacy (type 0) with EIP-155 replay protection,
 * because every L1 and simulator accepts it and it needs no fee-market reads. The nonce comes
 * from eth_getTransactionCount(pending) at each send, so one sender per key at a time.
 */
public final class TransactionSender {
    public static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    /** Headroom over the node's estimate: the state may change between estimate and inclusion. */
    private static final int GAS_HEADROOM_PERCENT = 20;

    private final Web3j web3;
    private final Credentials credentials;
    private final long chainId;

    public TransactionSender(Web3j web3, EthKey key, long chainId) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("an EIP-155 chain id is positive, got " + chainId);
        }
        this.web3 = Objects.requireNonNull(web3, "web3");
        this.credentials = Credentials.create(key.web3jKeyPair());
        this.chainId = chainId;
    }

    /**
     * Estimates gas, sends and waits for the receipt. A revert found while estimating is thrown
     * (with the decoded error) and nothing is sent; a receipt with status 0 is returned as is.
     *
     * @param to the contract, or null to deploy {@code data} as creation code
     */
    public TransactionReceipt sendAndWait(String to, String data, Duration timeout) {
        Transaction probe = Transaction.createEthCallTransaction(credentials.getAddress(), to, data);
        var est = Rpc.send(() -> web3.ethEstimateGas(probe).send(), "eth_estimateGas");
        if (est.hasError()) {
            throw new L1Exception("eth_estimateGas " + describe(to) + " failed: " + est.getError().getMessage(),
                    ContractError.fromRpcError(est.getError()).orElse(null), null);
        }
        BigInteger gas = est.getAmountUsed().multiply(BigInteger.valueOf(100 + GAS_HEADROOM_PERCENT))
                .divide(BigInteger.valueOf(100));
        return awaitReceipt(send(to, data, gas), timeout);
    }

    /** Signs and sends with a fixed gas limit, even if it will revert; returns the tx hash. */
    public String send(String to, String data, BigInteger gasLimit) {
        var count = Rpc.send(() -> web3.ethGetTransactionCount(credentials.getAddress(),
                DefaultBlockParameterName.PENDING).send(), "eth_getTransactionCount");
        failOn(count, "eth_getTransactionCount");
        var price = Rpc.send(() -> web3.ethGasPrice().send(), "eth_gasPrice");
        failOn(price, "eth_gasPrice");
        BigInteger nonce = count.getTransactionCount();
        // Twice the quoted price: stays above the base fee if it rises before inclusion (interval mining).
        BigInteger gasPrice = price.getGasPrice().shiftLeft(1);
        RawTransaction tx = to == null
                ? RawTransaction.createContractTransaction(nonce, gasPrice, gasLimit, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, BigInteger.ZERO, data);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, credentials));
        var r = Rpc.send(() -> web3.ethSendRawTransaction(signed).send(), "eth_sendRawTransaction");
        if (r.hasError()) {
            throw new L1Exception("eth_sendRawTransaction " + describe(to) + " failed: " + r.getError().getMessage(),
                    ContractError.fromRpcError(r.getError()).orElse(null), null);
        }
        return r.getTransactionHash();
    }

    /** Polls eth_getTransactionReceipt until the receipt appears or {@code timeout} passes. */
    public TransactionReceipt awaitReceipt(String txHash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var r = Rpc.send(() -> web3.ethGetTransactionReceipt(txHash).send(), "eth_getTransactionReceipt");
            failOn(r, "eth_getTransactionReceipt " + txHash);
            Optional<TransactionReceipt> receipt = r.getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new L1Exception("no receipt for " + txHash + " within " + timeout);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new L1Exception("interrupted waiting for the receipt of " + txHash, e);
            }
        }
    }

    public String address() {
        return credentials.getAddress();
    }

    private static void failOn(Response<?> r, String what) {
        if (r.hasError()) {
            throw new L1Exception(what + " failed: " + r.getError().getMessage());
        }
    }

    private static String describe(String to) {
        return to == null ? "(deployment)" : "to " + to;
    }
}
