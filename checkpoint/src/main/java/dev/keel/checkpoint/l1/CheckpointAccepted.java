package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The contract's {@code CheckpointAccepted} event: number and epoch are indexed (topics 1, 2),
 * the rest is ABI data. {@code l1Block} is the block of the log, i.e. where the anchor landed.
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type (List<Type>)
public record CheckpointAccepted(long number, long epoch, long firstHeight, long lastHeight, Hash lastBlockHash,
                                 Hash digest, long l1Block) {
    /** topic 0: keccak256 of the event signature. */
    public static final String TOPIC = "0x" + HexFormat.of()
            .formatHex(Keccak.hash("CheckpointAccepted(uint64,uint64,uint64,uint64,bytes32,bytes32)"));

    public CheckpointAccepted {
        Objects.requireNonNull(lastBlockHash, "lastBlockHash");
        Objects.requireNonNull(digest, "digest");
    }

    /** The events {@code contractAddress} emitted in this receipt, in log order. */
    public static List<CheckpointAccepted> fromReceipt(TransactionReceipt receipt, String contractAddress) {
        String want = contractAddress.toLowerCase(Locale.ROOT);
        return receipt.getLogs().stream()
                .filter(l -> l.getAddress() != null && l.getAddress().toLowerCase(Locale.ROOT).equals(want))
                .map(CheckpointAccepted::fromLog).flatMap(Optional::stream).toList();
    }

    /** Empty when the log is another event; throws when it claims to be this event but is malformed. */
    public static Optional<CheckpointAccepted> fromLog(Log log) {
        List<String> topics = log.getTopics();
        if (topics == null || topics.isEmpty() || !TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.empty();
        }
        if (topics.size() != 3) {
            throw new IllegalArgumentException("CheckpointAccepted log with " + topics.size() + " topics, expected 3");
        }
        List<Type> d = ReturnData.decode(log.getData(), "CheckpointAccepted data", ReturnData.UINT64, ReturnData.UINT64,
                ReturnData.BYTES32, ReturnData.BYTES32);
        BigInteger block = Objects.requireNonNull(log.getBlockNumber(), "a mined log has a block number");
        return Optional.of(new CheckpointAccepted(topicU64(topics.get(1)), topicU64(topics.get(2)), ReturnData.u64(d.get(0)),
                ReturnData.u64(d.get(1)), ReturnData.hash(d.get(2)), ReturnData.hash(d.get(3)), block.longValueExact()));
    }

    private static long topicU64(String topic) {
        BigInteger v = Numeric.toBigInt(topic);
        if (v.bitLength() > 63) {
            throw new IllegalArgumentException("indexed uint64 " + topic + " does not fit a Java long");
        }
        return v.longValue();
    }
}
