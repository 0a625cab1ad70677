package dev.keel.node.bench;

import dev.keel.consensus.types.Bytes;
import dev.keel.node.config.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The batch submission format of {@code POST /v1/txs/batch} ({@value #CONTENT_TYPE}): each
 * transaction as a 4-byte big-endian length followed by its bytes, at most
 * {@value #MAX_TXS} per request; and the JSON reply, one result per transaction in request
 * order.
 */
public final class BatchCodec {
    public static final String CONTENT_TYPE = "application/vnd.keel.txs";
    public static final int MAX_TXS = 10_000;

    private BatchCodec() {
    }

    /** What the node did with one transaction of a batch. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED, BUSY }

    /** One entry of {@code results}: {@code code} is empty for accepted and duplicate. */
    public record Outcome(String hash, Status status, String code) {
    }

    /** The reply to a batch: per-transaction outcomes and the server's back-off hint. */
    public record Reply(List<Outcome> results, long retryAfterMillis) {
        public Reply {
            results = List.copyOf(results);
        }
    }

    public static byte[] encode(List<Bytes> txs) {
        if (txs.isEmpty() || txs.size() > MAX_TXS) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_TXS + " txs, got " + txs.size());
        }
        int size = 0;
        for (Bytes tx : txs) {
            size += 4 + tx.length();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (Bytes tx : txs) {
            out.putInt(tx.length()).put(tx.unsafeArray());
        }
        return out.array();
    }

    /** The inverse of {@link #encode} (for test servers); rejects truncated or over-long input. */
    public static List<Bytes> decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Bytes> txs = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < 4 || txs.size() == MAX_TXS) {
                throw new IllegalArgumentException("bad batch: truncated length or more than " + MAX_TXS + " txs");
            }
            int len = in.getInt();
            if (len < 0 || len > in.remaining()) {
                throw new IllegalArgumentException("bad batch: tx of " + len + " bytes with " + in.remaining() + " left");
            }
            byte[] tx = new byte[len];
            in.get(tx);
            txs.add(Bytes.wrap(tx));
        }
        return txs;
    }

    /** Parses the 200 reply; throws IllegalArgumentException for a body that is not one. */
    public static Reply parseReply(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> body) || !(body.get("results") instanceof List<?> results)) {
            throw new IllegalArgumentException("batch reply without a results list");
        }
        List<Outcome> out = new ArrayList<>(results.size());
        for (Object r : results) {
            if (!(r instanceof Map<?, ?> m) || !(m.get("status") instanceof String status)) {
                throw new IllegalArgumentException("batch result without a status: " + r);
            }
            String hash = m.get("hash") instanceof String h ? h : "";
            String code = m.get("code") instanceof String c ? c : "";
            out.add(new Outcome(hash, status(status), code));
        }
        long retry = body.get("retry_after_ms") instanceof Number n ? n.longValue() : 0;
        return new Reply(out, retry);
    }

    private static Status status(String s) {
        return switch (s) {
            case "accepted" -> Status.ACCEPTED;
            case "duplicate" -> Status.DUPLICATE;
            case "rejected" -> Status.REJECTED;
            case "busy" -> Status.BUSY;
            default -> throw new IllegalArgumentException("unknown batch status '" + s + "'");
        };
    }
}
