package dev.keel.checkpoint.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** Blocks, transactions, receipts and logs in the standard Ethereum JSON-RPC shapes (hex quantities). */
final class RpcJson {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** keccak256(rlp([])): the ommers hash of every post-merge block. */
    private static final String EMPTY_OMMERS = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
    private static final String ZERO_ADDRESS = "0x" + "0".repeat(40);

    private RpcJson() {
    }

    static String qty(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String qty(BigInteger v) {
        return "0x" + v.toString(16);
    }

    static String data(Bytes b) {
        return "0x" + b.toHex();
    }

    static String data(Hash h) {
        return "0x" + h.toHex();
    }

    static String address(EthAddress a) {
        return a.hex();
    }

    static ObjectNode block(SimBlock b, boolean fullTxs) {
        ObjectNode o = F.objectNode();
        o.put("number", qty(b.number())).put("hash", data(b.hash())).put("parentHash", data(b.parentHash()))
                .put("nonce", "0x0000000000000000").put("sha3Uncles", EMPTY_OMMERS)
                .put("logsBloom", data(bloom(b.receipts().stream().flatMap(r -> r.logs().stream()).toList())))
                .put("transactionsRoot", data(SimBlock.transactionsRoot(b.txs())))
                .put("stateRoot", data(Hash.ZERO)).put("receiptsRoot", data(Hash.ZERO))
                .put("miner", ZERO_ADDRESS).put("difficulty", "0x0").put("totalDifficulty", "0x0")
                .put("extraData", data(b.extraData()))
                .put("size", qty(600 + b.txs().stream().mapToLong(t -> t.raw().length()).sum()))
                .put("gasLimit", qty(b.gasLimit())).put("gasUsed", qty(b.gasUsed()))
                .put("timestamp", qty(b.timestamp())).put("baseFeePerGas", qty(b.baseFee()))
                .put("mixHash", data(Hash.ZERO));
        ArrayNode txs = o.putArray("transactions");
        for (int i = 0; i < b.txs().size(); i++) {
            if (fullTxs) {
                txs.add(tx(b.txs().get(i), b, i));
            } else {
                txs.add(data(b.txs().get(i).hash()));
            }
        }
        o.putArray("uncles");
        return o;
    }

    /** A transaction; {@code block} is null while it is pending. */
    static ObjectNode tx(SimTx t, SimBlock block, int index) {
        ObjectNode o = F.objectNode();
        if (block == null) {
            o.putNull("blockHash").putNull("blockNumber").putNull("transactionIndex");
        } else {
            o.put("blockHash", data(block.hash())).put("blockNumber", qty(block.number()))
                    .put("transactionIndex", qty(index));
        }
        o.put("hash", data(t.hash())).put("from", address(t.from()));
        if (t.to().isPresent()) {
            o.put("to", address(t.to().get()));
        } else {
            o.putNull("to");
        }
        BigInteger price = block == null ? t.maxFeePerGas() : t.effectiveGasPrice(block.baseFee());
        o.put("input", data(t.data())).put("nonce", qty(t.nonce())).put("gas", qty(t.gasLimit()))
                .put("gasPrice", qty(price)).put("value", qty(t.value())).put("type", qty(t.type()))
                .put("chainId", qty(t.chainId())).put("v", qty(t.v())).put("r", qty(t.r())).put("s", qty(t.s()));
        if (t.type() == 2) {
            o.put("maxFeePerGas", qty(t.maxFeePerGas())).put("maxPriorityFeePerGas", qty(t.maxPriorityFeePerGas()));
        }
        if (t.type() != 0) {
            o.put("yParity", qty(t.v()));
            o.putArray("accessList");
        }
        return o;
    }

    static ObjectNode receipt(SimChain.Located at) {
        SimTx t = at.tx();
        SimReceipt r = at.receipt();
        SimBlock b = at.block();
        ObjectNode o = F.objectNode();
        o.put("transactionHash", data(t.hash())).put("transactionIndex", qty(at.index()))
                .put("blockHash", data(b.hash())).put("blockNumber", qty(b.number())).put("from", address(t.from()));
        if (t.to().isPresent()) {
            o.put("to", address(t.to().get()));
        } else {
            o.putNull("to");
        }
        o.put("cumulativeGasUsed", qty(r.cumulativeGasUsed())).put("gasUsed", qty(r.gasUsed()))
                .put("effectiveGasPrice", qty(r.effectiveGasPrice()));
        if (r.contractAddress().isPresent()) {
            o.put("contractAddress", address(r.contractAddress().get()));
        } else {
            o.putNull("contractAddress");
        }
        ArrayNode logs = o.putArray("logs");
        int first = firstLogIndex(b, at.index());
        for (int i = 0; i < r.logs().size(); i++) {
            logs.add(log(r.logs().get(i), b, at.index(), first + i));
        }
        o.put("logsBloom", data(bloom(r.logs()))).put("status", r.success() ? "0x1" : "0x0").put("type", qty(t.type()));
        // Besu's non-standard field: the revert data, so a failed receipt says why without a replay
        r.revert().ifPresent(e -> o.put("revertReason", data(e.encode())));
        return o;
    }

    static ObjectNode log(SimLog l, SimBlock b, int txIndex, int logIndex) {
        ObjectNode o = F.objectNode();
        o.put("address", address(l.address()));
        ArrayNode topics = o.putArray("topics");
        l.topics().forEach(t -> topics.add(data(t)));
        o.put("data", data(l.data())).put("blockNumber", qty(b.number())).put("blockHash", data(b.hash()))
                .put("transactionHash", data(b.txs().get(txIndex).hash())).put("transactionIndex", qty(txIndex))
                .put("logIndex", qty(logIndex)).put("removed", false);
        return o;
    }

    /** Logs are numbered across the whole block. */
    static int firstLogIndex(SimBlock b, int txIndex) {
        int n = 0;
        for (int i = 0; i < txIndex; i++) {
            n += b.receipts().get(i).logs().size();
        }
        return n;
    }

    /** The 2048-bit logs bloom (yellow paper M3:2048) over each log's address and topics. */
    static Bytes bloom(List<SimLog> logs) {
        byte[] bloom = new byte[256];
        for (SimLog l : logs) {
            addToBloom(bloom, l.address().bytes().unsafeArray());
            l.topics().forEach(t -> addToBloom(bloom, t.bytes().unsafeArray()));
        }
        return Bytes.wrap(bloom);
    }

    private static void addToBloom(byte[] bloom, byte[] value) {
        byte[] h = Keccak.hash(value);
        for (int i = 0; i < 6; i += 2) {
            int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 2047;
            bloom[255 - bit / 8] |= (byte) (1 << (bit % 8));
        }
    }
}
