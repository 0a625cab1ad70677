package dev.keel.node.http;

import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import dev.keel.node.chain.TxStatus;
import dev.keel.node.checkpoint.CheckpointView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;

/**
 * Transactions' answers as HTTP: what the mempool did with a submission (the mapping
 * {@link Admission} documents) and where a transaction is ({@link TxStatus}).
 */
final class TxJson {
    private TxJson() {
    }

    static HttpResponse admission(Admission admission) {
        String hash = admission.hash().toHex();
        if (admission instanceof Admission.Accepted) {
            return JsonResponses.json(StatusCodes.ACCEPTED, fields("hash", hash, "status", "accepted"));
        } else if (admission instanceof Admission.Duplicate d) {
            // 200, not 202: an idempotent resubmission changes nothing, and says whether it is already in a block.
            Map<String, Object> body = fields("hash", hash, "status", "duplicate");
            body.put("committed", d.committed());
            return JsonResponses.ok(body);
        } else if (admission instanceof Admission.Rejected r) {
            String code = code(r.code(), "rejected");
            StatusCode status = ApiError.TX_TOO_LARGE.equals(code) ? StatusCodes.PAYLOAD_TOO_LARGE : StatusCodes.BAD_REQUEST;
            return JsonResponses.error(status, code, r.message(), fields("hash", hash));
        } else if (admission instanceof Admission.Busy b) {
            return busy(code(b.code(), "busy"), b.message(), b.retryAfterMillis(), fields("hash", hash));
        }
        throw new AssertionError("unhandled admission " + admission);
    }

    /** 429 with {@code Retry-After} in whole seconds (what HTTP allows) and the exact wait in the body. */
    static HttpResponse busy(String code, String message, long retryAfterMillis, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("retry_after_ms", Math.max(0, retryAfterMillis));
        return JsonResponses.error(StatusCodes.TOO_MANY_REQUESTS, code, message, body)
                .addHeader(RetryAfter.create(retryAfterSeconds(retryAfterMillis)));
    }

    /** Rounded up, at least 1: "retry after 0 s" would invite an immediate retry storm. */
    static long retryAfterSeconds(long millis) {
        return Math.max(1, (Math.max(0, millis) + 999) / 1000);
    }

    /**
     * {@code status} keeps its values (clients and the bench match on "committed"); {@code finality}
     * says more: pending, then committed, anchored or settled as checkpoints reach the L1.
     */
    static HttpResponse status(Hash hash, TxStatus status, CheckpointView checkpoints) {
        String hex = hash.toHex();
        if (status instanceof TxStatus.Pending p) {
            Map<String, Object> body = fields("hash", hex, "status", "pending");
            body.put("received_at_ms", p.receivedAtMillis());
            body.put("finality", "pending");
            return JsonResponses.ok(body);
        } else if (status instanceof TxStatus.Committed c) {
            Map<String, Object> body = fields("hash", hex, "status", "committed");
            body.put("height", c.height());
            body.put("index", c.index());
            body.put("block_hash", c.blockId().toHex());
            body.put("result", c.result());
            body.put("commit_latency_ms", c.latencyMillis().isPresent() ? c.latencyMillis().getAsLong() : null);
            body.put("finality", checkpoints.finality(c.height()).label());
            return JsonResponses.ok(body);
        } else if (status instanceof TxStatus.Rejected r) {
            // 200: the lookup succeeded; the transaction's own fate is in "status".
            return JsonResponses.ok(fields("hash", hex, "status", "rejected", "code", code(r.code(), "rejected"),
                    "message", r.message()));
        } else if (status instanceof TxStatus.Unknown) {
            return JsonResponses.error(StatusCodes.NOT_FOUND, ApiError.TX_NOT_FOUND,
                    "transaction " + hex + " is not known here (never received, or forgotten)");
        }
        throw new AssertionError("unhandled tx status " + status);
    }

    /**
     * Codes come from the mempool and the application; a code that is not a snake_case word
     * would break the error contract, so it is replaced rather than served.
     */
    static String code(String code, String fallback) {
        return code != null && code.matches("[a-z][a-z0-9_]{0,63}") ? code : fallback;
    }

    /** An ordered, mutable map of string pairs. */
    static Map<String, Object> fields(String... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return m;
    }
}
