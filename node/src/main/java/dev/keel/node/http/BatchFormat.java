package dev.keel.node.http;

import dev.keel.consensus.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.util.ByteString;

/**
 * The bodies of {@code POST /v1/txs/batch}. Binary, {@value #MEDIA_TYPE}: each transaction as a
 * 4-byte big-endian unsigned length and then that many bytes, back to back, nothing else — cheap
 * for load generators, no hex doubling. JSON: {@code {"txs":["<hex>", ...]}}, limited by our JSON
 * parser's input cap. Either way at most {@code maxTxs} transactions, in request order.
 */
final class BatchFormat {
    static final String MEDIA_TYPE = "application/vnd.keel.txs";
    private static final int PREFIX = 4;

    private BatchFormat() {
    }

    static boolean isBinary(MediaType type) {
        return type.mainType().equals("application") && type.subType().equals("vnd.keel.txs");
    }

    static Decoded<List<Bytes>> decodeBinary(ByteString body, int maxTxs) {
        ByteBuffer in = body.asByteBuffer();
        List<Bytes> txs = new ArrayList<>();
        while (in.hasRemaining()) {
            int at = in.position();
            if (in.remaining() < PREFIX) {
                return JsonBody.bad("truncated length prefix at byte " + at + " (" + in.remaining() + " of 4 bytes)");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > in.remaining()) {
                return JsonBody.bad("transaction " + txs.size() + " at byte " + at + " declares " + length
                        + " bytes but only " + in.remaining() + " follow");
            }
            if (txs.size() == maxTxs) {
                return tooMany(maxTxs);
            }
            byte[] tx = new byte[(int) length];
            in.get(tx);
            txs.add(Bytes.wrap(tx));
        }
        return Decoded.ok(txs);
    }

    static Decoded<List<Bytes>> decodeJson(ByteString body, int maxTxs) {
        Decoded<Object> field = JsonBody.field(body, "txs");
        if (field instanceof Decoded.Failed<Object> f) {
            return new Decoded.Failed<>(f.status(), f.error());
        }
        if (!(((Decoded.Ok<Object>) field).value() instanceof List<?> items)) {
            return JsonBody.bad("\"txs\" must be an array of hex strings");
        }
        if (items.size() > maxTxs) {
            return tooMany(maxTxs);
        }
        List<Bytes> txs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Optional<Bytes> tx = items.get(i) instanceof String s ? HexText.bytes(s) : Optional.empty();
            if (tx.isEmpty()) {
                return JsonBody.bad("txs[" + i + "] is not a hex string");
            }
            txs.add(tx.get());
        }
        return Decoded.ok(txs);
    }

    /** The binary format of {@code txs}: for clients, SDKs and tests. */
    static byte[] encode(List<Bytes> txs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Bytes tx : txs) {
            out.writeBytes(ByteBuffer.allocate(PREFIX).putInt(tx.length()).array());
            out.writeBytes(tx.unsafeArray());
        }
        return out.toByteArray();
    }

    private static Decoded<List<Bytes>> tooMany(int maxTxs) {
        return Decoded.failed(StatusCodes.PAYLOAD_TOO_LARGE, ApiError.TOO_MANY_TXS,
                "a batch holds at most " + maxTxs + " transactions");
    }
}
