package dev.keel.app.kv;

import dev.keel.consensus.types.Bytes;

/** One decoded kv operation. Invariants (key 1..256 bytes, value at most 64 KiB) hold by construction. */
public sealed interface KvOp extends KvDecoded permits KvOp.Set, KvOp.Append, KvOp.Delete {
    Bytes key();

    /** Replaces the key's value. */
    record Set(Bytes key, Bytes value) implements KvOp {
        public Set {
            KvTx.requireKey(key.length());
            KvTx.requireValue(value.length());
        }
    }

    /** Appends to the key's value (an absent key counts as empty). */
    record Append(Bytes key, Bytes suffix) implements KvOp {
        public Append {
            KvTx.requireKey(key.length());
            KvTx.requireValue(suffix.length());
        }
    }

    /** Removes the key; removing an absent key is a no-op that still succeeds. */
    record Delete(Bytes key) implements KvOp {
        public Delete {
            KvTx.requireKey(key.length());
        }
    }
}
