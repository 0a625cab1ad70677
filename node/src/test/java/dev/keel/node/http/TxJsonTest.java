package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import dev.keel.node.chain.TxStatus;
import dev.keel.node.checkpoint.CheckpointView;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every Admission and every TxStatus case has an HTTP answer; Retry-After rounding. */
class TxJsonTest {
    private static final Hash H = Hash.of(new byte[] {1});

    @Test
    void everyAdmissionHasAStatusCode() {
        Map<Class<?>, Admission> samples = Map.of(
                Admission.Accepted.class, new Admission.Accepted(H),
                Admission.Duplicate.class, new Admission.Duplicate(H, false),
                Admission.Rejected.class, new Admission.Rejected(H, "empty_tx", "empty"),
                Admission.Busy.class, new Admission.Busy(H, "mempool_full", "full", 10));
        assertEquals(permitted(Admission.class), samples.keySet(), "a new Admission case needs a mapping and a sample");
        Map<Class<?>, Integer> expected = Map.of(Admission.Accepted.class, 202, Admission.Duplicate.class, 200,
                Admission.Rejected.class, 400, Admission.Busy.class, 429);
        samples.forEach((k, a) -> assertEquals(expected.get(k), TxJson.admission(a).status().intValue(), k.getName()));
        assertEquals(413, TxJson.admission(new Admission.Rejected(H, "tx_too_large", "big")).status().intValue());
    }

    @Test
    void everyTxStatusHasAnAnswer() {
        Map<Class<?>, TxStatus> samples = Map.of(
                TxStatus.Pending.class, new TxStatus.Pending(1),
                TxStatus.Committed.class, new TxStatus.Committed(1, 0, H, TxResult.ok(), OptionalLong.empty()),
                TxStatus.Rejected.class, new TxStatus.Rejected("expired", "old"),
                TxStatus.Unknown.class, new TxStatus.Unknown());
        assertEquals(permitted(TxStatus.class), samples.keySet(), "a new TxStatus case needs a mapping and a sample");
        Map<Class<?>, Integer> expected = Map.of(TxStatus.Pending.class, 200, TxStatus.Committed.class, 200,
                TxStatus.Rejected.class, 200, TxStatus.Unknown.class, 404);
        samples.forEach((k, s) -> assertEquals(expected.get(k), TxJson.status(H, s, CheckpointView.disabled()).status().intValue(), k.getName()));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, TxJson.retryAfterSeconds(-5));
        assertEquals(1, TxJson.retryAfterSeconds(0));
        assertEquals(1, TxJson.retryAfterSeconds(1));
        assertEquals(1, TxJson.retryAfterSeconds(1000));
        assertEquals(2, TxJson.retryAfterSeconds(1001));
        assertEquals(60, TxJson.retryAfterSeconds(59_500));
    }

    @Test
    void codesThatAreNotSnakeCaseFallBack() {
        assertEquals("bad_nonce", TxJson.code("bad_nonce", "x"));
        assertEquals("x", TxJson.code("BadNonce", "x"));
        assertEquals("x", TxJson.code(null, "x"));
        assertEquals("x", TxJson.code("a".repeat(65), "x"));
    }

    private static Set<Class<?>> permitted(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toSet());
    }
}
