package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.l1.AnchorInfo;
import dev.keel.checkpoint.l1.CheckpointContract;
import dev.keel.checkpoint.l1.LatestInfo;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** {@link L1Port} over Ethereum JSON-RPC with web3j: a real node, Hardhat, or the embedded simulator alike. */
public final class Web3jL1 implements L1Port, AutoCloseable {
    private final Web3j web3;
    private final EthAddress contract;
    private volatile long chainId = -1;

    public Web3jL1(String url, EthAddress contract, Duration timeout) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout)
                .writeTimeout(timeout).callTimeout(timeout).build();
        this.web3 = Web3j.build(new HttpService(url, http));
        this.contract = contract;
    }

    @Override
    public long chainId() {
        if (chainId < 0) {
            chainId = call(web3.ethChainId()).getChainId().longValueExact();
        }
        return chainId;
    }

    @Override
    public long headNumber() {
        return call(web3.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    @Override
    public OptionalLong finalizedNumber() {
        EthBlock.Block b = call(web3.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false)).getBlock();
        return b == null ? OptionalLong.empty() : OptionalLong.of(b.getNumber().longValueExact());
    }

    @Override
    public BigInteger baseFee() {
        EthBlock.Block b = call(web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
        if (b == null) {
            throw new L1Exception("the L1 has no latest block");
        }
        String fee = b.getBaseFeePerGasRaw();
        return fee == null ? BigInteger.ZERO : Numeric.decodeQuantity(fee);
    }

    @Override
    public BigInteger priorityFee() {
        try {
            return call(web3.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
        } catch (L1Exception unsupported) {
            return BigInteger.valueOf(1_000_000_000L); // 1 gwei, the usual default
        }
    }

    @Override
    public long pendingNonce(EthAddress account) {
        return call(web3.ethGetTransactionCount(account.hex(), DefaultBlockParameterName.PENDING))
                .getTransactionCount().longValueExact();
    }

    @Override
    public long minedNonce(EthAddress account) {
        return call(web3.ethGetTransactionCount(account.hex(), DefaultBlockParameterName.LATEST))
                .getTransactionCount().longValueExact();
    }

    @Override
    public LatestInfo latest() {
        return CheckpointContract.decodeLatest(ethCall(CheckpointContract.encodeLatest()));
    }

    @Override
    public AnchorInfo anchor(long number) {
        return CheckpointContract.decodeAnchor(ethCall(CheckpointContract.encodeAnchor(number)));
    }

    @Override
    public Preflight preflight(EthAddress from, String calldata) {
        EthEstimateGas r = send(web3.ethEstimateGas(
                Transaction.createEthCallTransaction(from.hex(), contract.hex(), calldata)));
        if (r.hasError()) {
            // geth puts the revert data in error.data, Hardhat one level deeper: ContractError reads both.
            return new Preflight.Reverts(dev.keel.checkpoint.l1.ContractError.fromRpcError(r.getError())
                    .map(Object::toString).orElse(r.getError().getMessage()));
        }
        return new Preflight.Ok(r.getAmountUsed().longValueExact());
    }

    @Override
    public String send(String signedRawTx) {
        var r = send(web3.ethSendRawTransaction(signedRawTx));
        if (r.hasError()) {
            String msg = r.getError().getMessage();
            String lower = msg == null ? "" : msg.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("already known") || lower.contains("already imported")) {
                return org.web3j.crypto.Hash.sha3(signedRawTx);
            }
            throw new L1Exception("eth_sendRawTransaction refused: " + msg);
        }
        return r.getTransactionHash();
    }

    @Override
    public Optional<Receipt> receipt(String txHash) {
        Optional<TransactionReceipt> r = call(web3.ethGetTransactionReceipt(txHash)).getTransactionReceipt();
        return r.map(x -> new Receipt(txHash, x.getBlockNumber().longValueExact(), x.isStatusOK(),
                x.getGasUsed().longValueExact()));
    }

    @Override
    public boolean knows(String txHash) {
        return call(web3.ethGetTransactionByHash(txHash)).getTransaction().isPresent();
    }

    /** The underlying client, for tools (deploy, status) that need more than the port. */
    public Web3j web3j() {
        return web3;
    }

    @Override
    public void close() {
        web3.shutdown();
    }

    private String ethCall(String data) {
        EthCall r = call(web3.ethCall(Transaction.createEthCallTransaction(null, contract.hex(), data),
                DefaultBlockParameterName.LATEST));
        if (r.isReverted() || r.getValue() == null || r.getValue().equals("0x")) {
            throw new L1Exception("no KeelCheckpoints contract answers at " + contract + " on this L1");
        }
        return r.getValue();
    }

    private static <T extends Response<?>> T call(Request<?, T> request) {
        T r = send(request);
        if (r.hasError()) {
            throw new L1Exception(request.getMethod() + " failed: " + r.getError().getMessage());
        }
        return r;
    }

    private static <T extends Response<?>> T send(Request<?, T> request) {
        try {
            return request.send();
        } catch (IOException | RuntimeException e) {
            throw new L1Exception(request.getMethod() + ": L1 unreachable (" + e.getMessage() + ")", e);
        }
    }
}
