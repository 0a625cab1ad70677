package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.EthAddress;
import java.io.IOException;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;

/** The read-side JSON-RPC calls the binding makes: eth_call and eth_estimateGas at "latest". */
final class Rpc {
    private Rpc() {
    }

    /** eth_call of a view function; a revert or RPC error here is an operational failure. */
    static String call(Web3j web3, String to, String data) {
        Response<String> r = send(() -> web3.ethCall(Transaction.createEthCallTransaction(null, to, data),
                DefaultBlockParameterName.LATEST).send(), "eth_call");
        if (r.hasError()) {
            throw new L1Exception("eth_call to " + to + " failed: " + r.getError().getMessage(),
                    ContractError.fromRpcError(r.getError()).orElse(null), null);
        }
        return r.getResult();
    }

    /**
     * Dry-runs a transaction. Empty when it would succeed; the decoded rejection when the node
     * answers with revert data in the error; {@link ContractError#UNRECOGNIZED} carrying the raw data when it
     * is not one of the contract's errors. An error without revert data (e.g. connection refused,
     * bad params) is not a rejection by the contract, so it throws.
     */
    static Optional<ContractError> dryRun(Web3j web3, EthAddress from, String to, String data, boolean estimate) {
        Transaction tx = Transaction.createEthCallTransaction(from == null ? null : from.hex(), to, data);
        String method = estimate ? "eth_estimateGas" : "eth_call";
        Response<?> r = send(() -> estimate ? web3.ethEstimateGas(tx).send()
                : web3.ethCall(tx, DefaultBlockParameterName.LATEST).send(), method);
        if (!r.hasError()) {
            return Optional.empty();
        }
        Optional<String> revert = ContractError.revertData(r.getError());
        if (revert.isEmpty()) {
            throw new L1Exception(method + " to " + to + " failed without revert data: " + r.getError().getMessage()
                    + " (data " + r.getError().getData() + ")");
        }
        return Optional.of(ContractError.decode(revert.get())
                .orElseGet(() -> ContractError.of(ContractError.UNRECOGNIZED, revert.get())));
    }

    interface Call<T> {
        T run() throws IOException;
    }

    static <T> T send(Call<T> call, String method) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new L1Exception(method + " failed: " + e.getMessage(), e);
        }
    }
}
