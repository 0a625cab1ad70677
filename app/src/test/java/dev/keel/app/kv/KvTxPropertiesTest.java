package dev.keel.app.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.app.TxResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Codec round trips, and the rule that bytes from outside never make kv throw. */
class KvTxPropertiesTest {
    @Property
    void buildersRoundTripThroughDecode(@ForAll @Size(min = 1, max = 256) byte[] key,
                                        @ForAll @Size(max = 600) byte[] value) {
        assertEquals(new KvOp.Set(Bytes.copyOf(key), Bytes.copyOf(value)), KvTx.decode(KvTx.set(key, value)));
        assertEquals(new KvOp.Append(Bytes.copyOf(key), Bytes.copyOf(value)), KvTx.decode(KvTx.append(key, value)));
        assertEquals(new KvOp.Delete(Bytes.copyOf(key)), KvTx.decode(KvTx.delete(key)));
    }

    @Property
    void setOfSizeIsExactWheneverItIsPossible(@ForAll @Size(min = 1, max = 256) byte[] key,
                                              @ForAll @IntRange(min = 0, max = 2000) int size, @ForAll long uniquifier) {
        int smallest = KvTx.HEADER_BYTES + key.length + KvTx.UNIQUIFIER_BYTES;
        if (size < smallest) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> KvTx.setOfSize(key, size, uniquifier));
        } else {
            assertEquals(size, KvTx.setOfSize(key, size, uniquifier).length());
        }
    }

    @Property
    void checkAcceptsExactlyWhatDecodes(@ForAll @Size(max = 300) byte[] tx) {
        KvApp app = new KvApp();
        boolean decodes = KvTx.decode(Bytes.wrap(tx)) instanceof KvOp;
        assertEquals(decodes, app.check(Bytes.wrap(tx)).accepted());
    }

    @Property
    void arbitraryBytesNeverMakeExecuteThrow(@ForAll @Size(max = 20) List<@Size(max = 300) byte[]> raw) {
        KvApp app = new KvApp();
        List<Bytes> txs = new ArrayList<>();
        for (byte[] r : raw) {
            txs.add(Bytes.wrap(r));
        }
        BlockResult result = app.execute(new BlockInfo(1, Hash.ZERO, 0), txs);
        assertEquals(txs.size(), result.results().size());
        for (int i = 0; i < txs.size(); i++) {
            TxResult r = result.results().get(i);
            Bytes tx = txs.get(i);
            boolean decodes = KvTx.decode(tx) instanceof KvOp;
            // A decodable tx can only be refused for size; appends here are far below 1 MiB.
            assertEquals(decodes, r.applied(), () -> "tx " + tx + " gave " + r);
            if (!decodes) {
                assertEquals(KvApp.MALFORMED, r.code());
            }
        }
        assertEquals(result.stateRoot(), app.stateRoot());
    }

    /** Random bytes rarely get past the op byte; corrupting valid transactions reaches every branch. */
    @Property
    void corruptedValidTransactionsNeverMakeKvThrow(@ForAll @Size(min = 1, max = 40) byte[] key,
                                                    @ForAll @Size(max = 40) byte[] value,
                                                    @ForAll @IntRange(min = 0, max = 100) int at,
                                                    @ForAll byte xor, @ForAll @IntRange(min = 0, max = 90) int cut) {
        byte[] tx = KvTx.append(key, value).toArray();
        tx[at % tx.length] ^= xor;
        byte[] corrupted = java.util.Arrays.copyOf(tx, Math.min(tx.length, cut));
        KvApp app = new KvApp();
        boolean accepted = app.check(Bytes.wrap(corrupted)).accepted();
        BlockResult result = app.execute(new BlockInfo(1, Hash.ZERO, 0), List.of(Bytes.wrap(corrupted)));
        assertEquals(accepted, result.results().get(0).applied());
    }
}
