package dev.keel.app.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.app.CheckResult;
import dev.keel.app.QueryResult;
import dev.keel.app.TxResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KvAppTest {
    private final KvApp app = new KvApp();
    private long height;

    private BlockResult run(Bytes... txs) {
        return app.execute(new BlockInfo(++height, Hash.ZERO, 0), List.of(txs));
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private Optional<String> value(String key) {
        return app.get(Bytes.wrap(b(key))).map(v -> new String(v.toArray(), UTF_8));
    }

    @Test
    void setAppendDeleteApplyInOrder() {
        BlockResult r = run(KvTx.set(b("a"), b("1")), KvTx.append(b("a"), b("2")), KvTx.append(b("new"), b("x")),
                KvTx.set(b("gone"), b("y")), KvTx.delete(b("gone")), KvTx.delete(b("never-set")));
        assertEquals(List.of(TxResult.ok(), TxResult.ok(), TxResult.ok(), TxResult.ok(), TxResult.ok(), TxResult.ok()),
                r.results());
        assertEquals(Optional.of("12"), value("a"));
        assertEquals(Optional.of("x"), value("new"), "append to an absent key starts from empty");
        assertEquals(Optional.empty(), value("gone"));
        assertEquals(2, app.size());
        assertEquals(r.stateRoot(), app.stateRoot());
        assertNotEquals(Hash.ZERO, app.stateRoot());
    }

    @Test
    void checkOnlyParsesAndNeverChangesState() {
        assertEquals(CheckResult.ok(0), app.check(KvTx.set(b("a"), b("1"))));
        CheckResult bad = app.check(Bytes.fromHex("09"));
        assertEquals(KvApp.MALFORMED, bad.code());
        assertEquals(0, app.size());
        assertEquals(Hash.ZERO, app.stateRoot());
    }

    @Test
    void appendsStopAtOneMebibyteAndTheRejectedAppendChangesNothing() {
        KvApp twin = new KvApp(); // same history minus the rejected tx
        byte[] chunk = new byte[KvTx.MAX_VALUE_BYTES];
        for (int i = 0; i < KvApp.MAX_STORED_VALUE_BYTES / KvTx.MAX_VALUE_BYTES; i++) {
            assertTrue(run(KvTx.append(b("big"), chunk)).results().get(0).applied());
            twin.execute(new BlockInfo(height, Hash.ZERO, 0), List.of(KvTx.append(b("big"), chunk)));
        }
        assertEquals(KvApp.MAX_STORED_VALUE_BYTES, app.get(Bytes.wrap(b("big"))).orElseThrow().length());
        BlockResult r = run(KvTx.append(b("big"), new byte[1]));
        assertEquals(KvApp.VALUE_TOO_LARGE, r.results().get(0).code());
        assertEquals(KvApp.MAX_STORED_VALUE_BYTES, app.get(Bytes.wrap(b("big"))).orElseThrow().length());
        assertEquals(twin.execute(new BlockInfo(height, Hash.ZERO, 0), List.of()).stateRoot(), r.stateRoot(),
                "a rejected tx writes nothing into the root");
    }

    @Test
    void malformedTransactionsAreRejectedInExecuteNotThrown() {
        BlockResult r = run(Bytes.EMPTY, Bytes.fromHex("0100"), KvTx.set(b("k"), b("v")), Bytes.fromHex("03000161ff"));
        assertEquals(List.of(KvApp.MALFORMED, KvApp.MALFORMED, TxResult.OK, KvApp.MALFORMED),
                r.results().stream().map(TxResult::code).toList());
        assertEquals(1, app.size());
        KvApp twin = new KvApp();
        assertEquals(twin.execute(new BlockInfo(1, Hash.ZERO, 0), List.of(KvTx.set(b("k"), b("v")))).stateRoot(),
                r.stateRoot(), "malformed txs write nothing into the root");
    }

    @Test
    void queryByTextPathAndByHexParam() {
        run(KvTx.set(b("user/alice"), b("hello")), KvTx.set(new byte[] {(byte) 0xff, 0}, new byte[] {(byte) 0xc3}));
        QueryResult text = app.query("kv/user/alice", Map.of());
        assertEquals(QueryResult.Status.OK, text.status());
        assertEquals(Map.of("key", "user/alice", "key_hex", "757365722f616c696365", "value_hex", "68656c6c6f",
                "value_utf8", "hello"), text.value());
        QueryResult binary = app.query("kv", Map.of("hex", "FF00"));
        assertEquals(QueryResult.Status.OK, binary.status());
        // Neither the key nor the truncated UTF-8 value is text: hex only, no value_utf8.
        assertEquals(Map.of("key", "ff00", "key_hex", "ff00", "value_hex", "c3"), binary.value());
    }

    @Test
    void queryAnswersNotFoundAndBadRequest() {
        assertEquals(QueryResult.Status.NOT_FOUND, app.query("kv/missing", Map.of()).status());
        assertEquals(QueryResult.Status.NOT_FOUND, app.query("kv", Map.of("hex", "00")).status());
        for (var bad : List.of(
                new Object[] {"kv/", Map.of()}, new Object[] {"kv", Map.of()}, new Object[] {"kv", Map.of("hex", "zz")},
                new Object[] {"kv/a", Map.of("hex", "61")}, new Object[] {"kv/" + "k".repeat(257), Map.of()},
                new Object[] {"bank/supply", Map.of()}, new Object[] {"kvx/a", Map.of()}, new Object[] {"", Map.of()})) {
            @SuppressWarnings("unchecked")
            QueryResult r = app.query((String) bad[0], (Map<String, String>) bad[1]);
            assertEquals(QueryResult.Status.BAD_REQUEST, r.status(), () -> "query " + bad[0] + " " + bad[1]);
        }
    }

    @Test
    void heightsMustBeConsecutiveFromOne() {
        assertThrows(IllegalStateException.class, () -> app.execute(new BlockInfo(2, Hash.ZERO, 0), List.of()));
        run();
        assertThrows(IllegalStateException.class, () -> app.execute(new BlockInfo(1, Hash.ZERO, 0), List.of()));
        assertFalse(app.stateRoot().equals(Hash.ZERO), "the valid block still advanced the root");
    }
}
