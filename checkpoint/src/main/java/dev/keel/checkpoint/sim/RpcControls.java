package dev.keel.checkpoint.sim;

import static dev.keel.checkpoint.sim.RpcJson.F;
import static dev.keel.checkpoint.sim.RpcJson.qty;
import static dev.keel.checkpoint.sim.RpcParams.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Test controls over JSON-RPC: Hardhat's (evm_mine, hardhat_mine, evm_snapshot, evm_revert) and
 * Keel's fault injection (keel_*), which take positional params or one object with named fields:
 * <pre>
 * keel_reorg        [depth, dropTxs=false]           | [{"depth":2,"dropTxs":true}]
 * keel_failRpc      [durationMs, probability=1, mode="rpcError"|"http503"]   durationMs 0 ends it
 * keel_feeSpike     [multiplier, blocks]
 * keel_setBlockTime [ms]                             0 = automine
 * keel_pauseMining, keel_resumeMining, keel_status   []
 * </pre>
 */
final class RpcControls {
    private final SimChain chain;
    private final L1Simulator sim;

    RpcControls(SimChain chain, L1Simulator sim) {
        this.chain = chain;
        this.sim = sim;
    }

    JsonNode call(String method, JsonNode params) {
        return switch (method) {
            case "evm_mine" -> {
                chain.mine();
                yield TextNode.valueOf("0x0");
            }
            case "hardhat_mine" -> {
                int n = RpcParams.present(at(params, 0)) ? RpcParams.count(at(params, 0), "blocks") : 1;
                sim.mine(n);
                yield BooleanNode.TRUE;
            }
            case "evm_snapshot" -> TextNode.valueOf(qty(chain.snapshot()));
            case "evm_revert" -> BooleanNode.valueOf(chain.revert(RpcParams.quantityLong(at(params, 0), "snapshot id")));
            case "keel_reorg" -> {
                sim.inject(new SimFault.Reorg(intArg(params, 0, "depth", Optional.empty()),
                        RpcParams.bool(arg(params, 1, "dropTxs"), "dropTxs", false)));
                yield TextNode.valueOf(qty(chain.head().number()));
            }
            case "keel_failRpc" -> {
                sim.inject(new SimFault.RpcOutage(Duration.ofMillis(intArg(params, 0, "durationMs", Optional.empty())),
                        probability(arg(params, 1, "probability")), mode(arg(params, 2, "mode"))));
                yield BooleanNode.TRUE;
            }
            case "keel_feeSpike" -> {
                sim.inject(new SimFault.FeeSpike(intArg(params, 0, "multiplier", Optional.empty()),
                        intArg(params, 1, "blocks", Optional.empty())));
                yield BooleanNode.TRUE;
            }
            case "keel_setBlockTime" -> {
                sim.inject(new SimFault.BlockTime(Duration.ofMillis(intArg(params, 0, "ms", Optional.empty()))));
                yield BooleanNode.TRUE;
            }
            case "keel_pauseMining" -> {
                sim.inject(new SimFault.MiningPause(true));
                yield BooleanNode.TRUE;
            }
            case "keel_resumeMining" -> {
                sim.inject(new SimFault.MiningPause(false));
                yield BooleanNode.TRUE;
            }
            case "keel_status" -> status(sim.stats());
            default -> throw new RpcError(RpcError.METHOD_NOT_FOUND, "the method " + method
                    + " does not exist/is not available", Optional.empty());
        };
    }

    static ObjectNode status(SimStats s) {
        ObjectNode o = F.objectNode();
        o.put("head", s.headNumber()).put("safe", s.safeNumber()).put("finalized", s.finalizedNumber())
                .put("pendingTxs", s.pendingTxs()).put("nextBaseFee", qty(s.nextBaseFee()))
                .put("miningPaused", s.miningPaused()).put("blockTimeMs", s.blockTime().toMillis())
                .put("outageActive", s.outageActive()).put("txsAccepted", s.txsAccepted())
                .put("txsRejected", s.txsRejected()).put("failedRequests", s.failedRequests());
        ObjectNode requests = o.putObject("requests");
        s.requests().forEach(requests::put);
        ObjectNode bad = o.putObject("badRequests");
        s.badRequests().forEach(bad::put);
        ObjectNode injected = o.putObject("faultsInjected");
        s.faultsInjected().forEach(injected::put);
        return o;
    }

    /** Named field of a single object param, else positional param {@code i}. */
    private static JsonNode arg(JsonNode params, int i, String name) {
        JsonNode first = at(params, 0);
        return first.isObject() ? (first.has(name) ? first.get(name) : at(null, 0)) : at(params, i);
    }

    private static int intArg(JsonNode params, int i, String name, Optional<Integer> absent) {
        JsonNode n = arg(params, i, name);
        if (!RpcParams.present(n) && absent.isPresent()) {
            return absent.get();
        }
        if (!RpcParams.present(n)) {
            throw RpcError.invalidParams(name + " is required");
        }
        long v = n.isIntegralNumber() ? n.asLong() : RpcParams.quantityLong(n, name);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw RpcError.invalidParams(name + " must be 0.." + Integer.MAX_VALUE + ", got " + v);
        }
        return (int) v;
    }

    private static double probability(JsonNode n) {
        if (!RpcParams.present(n)) {
            return 1.0;
        }
        if (!n.isNumber() || !(n.asDouble() > 0 && n.asDouble() <= 1)) {
            throw RpcError.invalidParams("probability must be a number in (0, 1]");
        }
        return n.asDouble();
    }

    private static SimFault.OutageMode mode(JsonNode n) {
        if (!RpcParams.present(n)) {
            return SimFault.OutageMode.RPC_ERROR;
        }
        return switch (RpcParams.text(n, "mode").toLowerCase(Locale.ROOT)) {
            case "rpcerror", "rpc_error" -> SimFault.OutageMode.RPC_ERROR;
            case "http503", "http_503" -> SimFault.OutageMode.HTTP_503;
            default -> throw RpcError.invalidParams("mode must be rpcError or http503");
        };
    }
}
