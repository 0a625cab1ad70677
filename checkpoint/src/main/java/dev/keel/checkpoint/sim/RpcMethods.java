package dev.keel.checkpoint.sim;

import static dev.keel.checkpoint.sim.RpcJson.F;
import static dev.keel.checkpoint.sim.RpcJson.data;
import static dev.keel.checkpoint.sim.RpcJson.qty;
import static dev.keel.checkpoint.sim.RpcParams.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The standard Ethereum JSON-RPC methods web3j needs, answered from {@link SimChain}. Control
 * methods (evm_*, hardhat_*, keel_*) are in {@link RpcControls}.
 */
final class RpcMethods {
    static final String CLIENT_VERSION = "KeelL1Simulator/v0.1.0/java17";
    /** eth_maxPriorityFeePerGas: what Hardhat suggests, 1 gwei. */
    static final BigInteger SUGGESTED_TIP = SimL1Config.GWEI;

    private final SimL1Config config;
    private final SimChain chain;
    private final SimMiner miner;
    private final SimFaults faults;
    private final RpcControls controls;

    RpcMethods(SimL1Config config, SimChain chain, SimMiner miner, SimFaults faults, RpcControls controls) {
        this.config = config;
        this.chain = chain;
        this.miner = miner;
        this.faults = faults;
        this.controls = controls;
    }

    /** Answers one call; throws {@link RpcError} for anything the client must hear about. */
    JsonNode call(String method, JsonNode params) {
        return switch (method) {
            case "web3_clientVersion" -> TextNode.valueOf(CLIENT_VERSION);
            case "net_version" -> TextNode.valueOf(Long.toString(config.chainId()));
            case "net_listening" -> F.booleanNode(true);
            case "eth_chainId" -> TextNode.valueOf(qty(config.chainId()));
            case "eth_syncing" -> F.booleanNode(false);
            case "eth_accounts" -> F.arrayNode();
            case "eth_blockNumber" -> TextNode.valueOf(qty(chain.head().number()));
            case "eth_getBlockByNumber" -> new BlockTags(config, chain).byTag(at(params, 0))
                    .<JsonNode>map(b -> RpcJson.block(b, RpcParams.bool(at(params, 1), "full", false)))
                    .orElse(F.nullNode());
            case "eth_getBlockByHash" -> chain.block(RpcParams.hash(at(params, 0), "block hash"))
                    .<JsonNode>map(b -> RpcJson.block(b, RpcParams.bool(at(params, 1), "full", false)))
                    .orElse(F.nullNode());
            case "eth_gasPrice" -> TextNode.valueOf(qty(chain.nextBaseFee().add(SUGGESTED_TIP)));
            case "eth_maxPriorityFeePerGas" -> TextNode.valueOf(qty(SUGGESTED_TIP));
            case "eth_feeHistory" -> FeeHistory.answer(params, chain, new BlockTags(config, chain));
            case "eth_getTransactionCount" -> TextNode.valueOf(qty(transactionCount(params)));
            case "eth_getBalance" -> TextNode.valueOf(qty(stateAt(at(params, 1)).state()
                    .balance(RpcParams.address(at(params, 0), "address"))));
            case "eth_getCode" -> TextNode.valueOf(data(chain.code(RpcParams.address(at(params, 0), "address"),
                    stateAt(at(params, 1)))));
            case "eth_call" -> TextNode.valueOf(data(output(simulate(params, false))));
            case "eth_estimateGas" -> TextNode.valueOf(qty(simulate(params, true).gas()));
            case "eth_sendRawTransaction" -> TextNode.valueOf(data(send(params)));
            case "eth_getTransactionByHash" -> transaction(RpcParams.hash(at(params, 0), "transaction hash"));
            case "eth_getTransactionReceipt" -> chain.mined(RpcParams.hash(at(params, 0), "transaction hash"))
                    .<JsonNode>map(RpcJson::receipt).orElse(F.nullNode());
            case "eth_getLogs" -> LogFilter.parse(at(params, 0), chain, new BlockTags(config, chain)).run(chain);
            default -> controls.call(method, params);
        };
    }

    private long transactionCount(JsonNode params) {
        EthAddress a = RpcParams.address(at(params, 0), "address");
        JsonNode tag = at(params, 1);
        if (tag.isTextual() && tag.asText().equals("pending")) {
            return chain.pendingNonce(a);
        }
        return stateAt(tag).state().nonce(a);
    }

    private SimBlock stateAt(JsonNode tag) {
        return new BlockTags(config, chain).stateAt(tag);
    }

    private Hash send(JsonNode params) {
        String raw = RpcParams.text(at(params, 0), "raw transaction");
        try {
            Hash h = chain.submit(raw, miner.automine());
            faults.countTx(true);
            return h;
        } catch (RpcError e) {
            faults.countTx(false);
            throw e;
        }
    }

    private JsonNode transaction(Hash hash) {
        Optional<SimChain.Located> mined = chain.mined(hash);
        if (mined.isPresent()) {
            return RpcJson.tx(mined.get().tx(), mined.get().block(), mined.get().index());
        }
        return chain.pending(hash).<JsonNode>map(t -> RpcJson.tx(t, null, 0)).orElse(F.nullNode());
    }

    /** eth_call / eth_estimateGas: runs the call object against the tagged block's state. */
    private SimulatedContract.Outcome simulate(JsonNode params, boolean estimate) {
        JsonNode call = at(params, 0);
        if (!call.isObject()) {
            throw RpcError.invalidParams("the first parameter must be a call object");
        }
        SimBlock block = stateAt(at(params, 1));
        EthAddress from = RpcParams.present(call.get("from")) ? RpcParams.address(call.get("from"), "from")
                : new EthAddress(Bytes.wrap(new byte[20]));
        Optional<EthAddress> to = RpcParams.present(call.get("to"))
                ? Optional.of(RpcParams.address(call.get("to"), "to")) : Optional.empty();
        JsonNode input = RpcParams.present(call.get("input")) ? call.get("input") : call.get("data");
        Bytes data = RpcParams.present(input) ? RpcParams.data(input, "data") : Bytes.EMPTY;
        BigInteger value = RpcParams.present(call.get("value")) ? RpcParams.quantity(call.get("value"), "value")
                : BigInteger.ZERO;
        long cap = RpcParams.present(call.get("gas"))
                ? Math.min(RpcParams.quantityLong(call.get("gas"), "gas"), config.blockGasLimit())
                : config.blockGasLimit();
        SimulatedContract.Outcome o = chain.call(new TxExecutor.CallRequest(from, to, data, value, cap), block);
        if (o.gas() > cap) {
            throw RpcError.rejected(estimate ? "gas required exceeds allowance (" + cap + ")" : "out of gas");
        }
        if (o instanceof SimulatedContract.Reverted r) {
            throw RpcError.reverted(r.error());
        }
        return o;
    }

    private static Bytes output(SimulatedContract.Outcome o) {
        if (o instanceof SimulatedContract.Returned ok) {
            return ok.output();
        }
        throw new AssertionError("simulate() returns only successful outcomes, got " + o);
    }

    /** eth_feeHistory, simply: base fees (plus the next block's), gas used ratios, tips at the asked percentiles. */
    static final class FeeHistory {
        private FeeHistory() {
        }

        static JsonNode answer(JsonNode params, SimChain chain, BlockTags tags) {
            int count = Math.min(RpcParams.count(at(params, 0), "blockCount"), 1024);
            SimBlock newest = tags.stateAt(at(params, 1));
            JsonNode percentiles = at(params, 2);
            long oldest = Math.max(0, newest.number() - count + 1);
            ObjectNode o = F.objectNode();
            o.put("oldestBlock", qty(oldest));
            ArrayNode fees = o.putArray("baseFeePerGas");
            ArrayNode ratios = o.putArray("gasUsedRatio");
            ArrayNode rewards = percentiles.isArray() ? o.putArray("reward") : null;
            for (SimBlock b : chain.range(oldest, newest.number())) {
                fees.add(qty(b.baseFee()));
                ratios.add((double) b.gasUsed() / b.gasLimit());
                if (rewards != null) {
                    rewards.add(tips(b, percentiles));
                }
            }
            fees.add(qty(newest.number() == chain.head().number() ? chain.nextBaseFee()
                    : chain.block(newest.number() + 1).orElseThrow().baseFee()));
            return o;
        }

        /** Effective tips of the block's transactions at each percentile (by count, not gas-weighted). */
        private static ArrayNode tips(SimBlock b, JsonNode percentiles) {
            ArrayNode out = F.arrayNode();
            var sorted = b.txs().stream().map(t -> t.effectiveTip(b.baseFee())).sorted().toList();
            for (int i = 0; i < Math.min(percentiles.size(), 100); i++) {
                double p = percentiles.get(i).asDouble();
                if (!(p >= 0 && p <= 100)) {
                    throw RpcError.invalidParams("reward percentiles must be 0..100");
                }
                out.add(sorted.isEmpty() ? "0x0"
                        : qty(sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p / 100 * sorted.size())))));
            }
            return out;
        }
    }
}
