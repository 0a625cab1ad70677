package dev.keel.app.kv;

import dev.keel.app.Application;
import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.app.CheckResult;
import dev.keel.app.QueryResult;
import dev.keel.app.StateRootChain;
import dev.keel.app.TxResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code kv} application: a key-value store. Transactions are set / append / delete in the
 * binary format documented on {@link KvTx}. A stored value is at most {@link #MAX_STORED_VALUE_BYTES}
 * (1 MiB); an append that would exceed it is rejected {@code value_too_large}. Deleting an absent
 * key succeeds and changes nothing.
 *
 * <p>State root: {@link StateRootChain} over the applied transactions themselves; the write of
 * one applied transaction is {@code u32be(tx length) || tx bytes}. Hashing the operation rather
 * than the resulting value keeps an append O(suffix) instead of O(value), and the state is a
 * deterministic function of the genesis (empty) and the applied operations in order.
 *
 * <p>Threads: {@link #execute} runs on one thread; {@link #check} is pure parsing and
 * {@link #query} reads a {@link ConcurrentHashMap}, so both are safe from any thread at any time.
 * A query during an execute sees each key either before or after its write; it may see part of
 * the block applied, which the Application contract allows (queries are not snapshots).
 */
public final class KvApp implements Application {
    public static final String NAME = "kv";
    public static final int MAX_STORED_VALUE_BYTES = 1024 * 1024;
    public static final String MALFORMED = "malformed";
    public static final String VALUE_TOO_LARGE = "value_too_large";
    private static final HexFormat HEX = HexFormat.of();

    private final Map<Bytes, Bytes> store = new ConcurrentHashMap<>();
    private final StateRootChain root = new StateRootChain(NAME);

    @Override
    public String name() {
        return NAME;
    }

    /** The check only parses: nothing pending needs re-checking after a commit. */
    @Override
    public boolean checkReadsState() {
        return false;
    }

    @Override
    public CheckResult check(Bytes tx) {
        String error = KvTx.formatError(tx.unsafeArray());
        return error == null ? CheckResult.ok(0) : CheckResult.reject(MALFORMED, error);
    }

    @Override
    public BlockResult execute(BlockInfo block, List<Bytes> txs) {
        return root.executeBlock(block.height(), txs, this::apply);
    }

    @Override
    public Hash stateRoot() {
        return root.root();
    }

    /** The value stored under {@code key} after the last executed block. */
    public Optional<Bytes> get(Bytes key) {
        return Optional.ofNullable(store.get(key));
    }

    /** The number of keys stored. */
    public int size() {
        return store.size();
    }

    private TxResult apply(Bytes tx) {
        KvDecoded decoded = KvTx.decode(tx);
        if (decoded instanceof KvDecoded.Malformed m) {
            return TxResult.rejected(MALFORMED, m.reason());
        } else if (decoded instanceof KvOp.Set s) {
            store.put(s.key(), s.value());
        } else if (decoded instanceof KvOp.Append a) {
            Bytes old = store.get(a.key());
            int oldLength = old == null ? 0 : old.length();
            if ((long) oldLength + a.suffix().length() > MAX_STORED_VALUE_BYTES) {
                return TxResult.rejected(VALUE_TOO_LARGE, "value would be " + (oldLength + a.suffix().length())
                        + " bytes, the limit is " + MAX_STORED_VALUE_BYTES);
            }
            store.put(a.key(), old == null ? a.suffix() : concat(old, a.suffix()));
        } else if (decoded instanceof KvOp.Delete d) {
            store.remove(d.key());
        } else {
            throw new AssertionError("unhandled kv decoding " + decoded);
        }
        root.writeInt(tx.length());
        root.write(tx);
        return TxResult.ok();
    }

    private static Bytes concat(Bytes a, Bytes b) {
        byte[] out = new byte[a.length() + b.length()];
        System.arraycopy(a.unsafeArray(), 0, out, 0, a.length());
        System.arraycopy(b.unsafeArray(), 0, out, a.length(), b.length());
        return Bytes.wrap(out);
    }

    /**
     * {@code kv/<key>} with the key as UTF-8 text (already URL-decoded by the API; it may contain
     * '/'), or {@code kv?hex=<hex key>} for keys that are not text. Answers
     * {@code {"key", "key_hex", "value_hex", "value_utf8"}}: {@code key} is the key as text, or its
     * hex when it is not valid UTF-8; {@code value_utf8} is present only when the value is valid UTF-8.
     */
    @Override
    public QueryResult query(String path, Map<String, String> params) {
        Bytes key;
        if (path.equals(NAME) && params.containsKey("hex")) {
            try {
                key = Bytes.fromHex(params.get("hex"));
            } catch (IllegalArgumentException e) {
                return QueryResult.badRequest("hex: not a hex string");
            }
        } else if (path.startsWith(NAME + "/") && !params.containsKey("hex")) {
            key = Bytes.wrap(path.substring(NAME.length() + 1).getBytes(StandardCharsets.UTF_8));
        } else {
            return QueryResult.badRequest("expected kv/<key> or kv?hex=<hex key>, got '" + path + "'");
        }
        if (key.length() < 1 || key.length() > KvTx.MAX_KEY_BYTES) {
            return QueryResult.badRequest("key length " + key.length() + " outside 1.." + KvTx.MAX_KEY_BYTES);
        }
        Bytes value = store.get(key);
        if (value == null) {
            return QueryResult.notFound("no key " + key.toHex());
        }
        return QueryResult.ok(describe(key, value));
    }

    private static Map<String, Object> describe(Bytes key, Bytes value) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<String> keyText = utf8(key);
        out.put("key", keyText.orElse(key.toHex()));
        out.put("key_hex", key.toHex());
        out.put("value_hex", HEX.formatHex(value.unsafeArray()));
        utf8(value).ifPresent(text -> out.put("value_utf8", text));
        return out;
    }

    /** Strict decoding: malformed or truncated sequences mean "not text", never a U+FFFD. */
    private static Optional<String> utf8(Bytes b) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(b.unsafeArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
