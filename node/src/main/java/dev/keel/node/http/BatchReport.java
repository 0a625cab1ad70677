package dev.keel.node.http;

import dev.keel.mempool.Admission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * What the mempool did with each transaction of a batch, in request order. One batch is one
 * HTTP answer: 200 with per-item outcomes even when some were rejected or busy (the client retries
 * only those), except when every item was busy — then 429 with {@code Retry-After}, like a single
 * submission, so generic HTTP clients back off.
 */
record BatchReport(List<Admission> admissions) {
    BatchReport {
        admissions = List.copyOf(admissions);
        if (admissions.isEmpty()) {
            throw new IllegalArgumentException("a batch report needs at least one transaction");
        }
    }

    long count(Class<? extends Admission> kind) {
        return admissions.stream().filter(kind::isInstance).count();
    }

    /** The longest wait any busy item asked for; 0 if none was busy. */
    long retryAfterMillis() {
        return admissions.stream().filter(a -> a instanceof Admission.Busy)
                .mapToLong(a -> Math.max(0, ((Admission.Busy) a).retryAfterMillis())).max().orElse(0);
    }

    HttpResponse response() {
        if (count(Admission.Busy.class) == admissions.size()) {
            Admission.Busy first = (Admission.Busy) admissions.get(0);
            return TxJson.busy(TxJson.code(first.code(), "busy"), "all " + admissions.size()
                    + " transactions refused for now: " + first.message(), retryAfterMillis(), Map.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", count(Admission.Accepted.class));
        body.put("duplicate", count(Admission.Duplicate.class));
        body.put("rejected", count(Admission.Rejected.class));
        body.put("busy", count(Admission.Busy.class));
        body.put("retry_after_ms", retryAfterMillis());
        List<Map<String, Object>> results = new ArrayList<>(admissions.size());
        for (Admission a : admissions) {
            results.add(item(a));
        }
        body.put("results", results);
        return JsonResponses.ok(body);
    }

    private static Map<String, Object> item(Admission a) {
        String hash = a.hash().toHex();
        if (a instanceof Admission.Accepted) {
            return TxJson.fields("hash", hash, "status", "accepted");
        } else if (a instanceof Admission.Duplicate) {
            return TxJson.fields("hash", hash, "status", "duplicate");
        } else if (a instanceof Admission.Rejected r) {
            return TxJson.fields("hash", hash, "status", "rejected", "code", TxJson.code(r.code(), "rejected"));
        } else if (a instanceof Admission.Busy b) {
            return TxJson.fields("hash", hash, "status", "busy", "code", TxJson.code(b.code(), "busy"));
        }
        throw new AssertionError("unhandled admission " + a);
    }
}
