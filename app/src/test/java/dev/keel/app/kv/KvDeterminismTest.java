package dev.keel.app.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Every validator must reach the same results and root from the same blocks (Application contract). */
class KvDeterminismTest {
    @Provide
    Arbitrary<List<List<Bytes>>> blocks() {
        Arbitrary<byte[]> keys = Arbitraries.of("a", "b", "c", "d").map(String::getBytes); // few keys: many collisions
        Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(16);
        Arbitrary<Bytes> tx = Arbitraries.oneOf(
                Combinators.combine(keys, values).as(KvTx::set),
                Combinators.combine(keys, values).as(KvTx::append),
                keys.map(KvTx::delete),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Bytes::wrap)); // mostly malformed
        return tx.list().ofMaxSize(10).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void freshInstancesFedTheSameBlocksAgree(@ForAll("blocks") List<List<Bytes>> blocks) {
        KvApp a = new KvApp();
        KvApp b = new KvApp();
        for (int h = 0; h < blocks.size(); h++) {
            BlockResult ra = a.execute(new BlockInfo(h + 1, Hash.ZERO, 0), blocks.get(h));
            // Different block ids and timestamps must not matter: kv ignores them by design.
            BlockResult rb = b.execute(new BlockInfo(h + 1, Hash.of(new byte[] {(byte) h}), 1_000L * h), blocks.get(h));
            assertEquals(ra, rb);
        }
        assertEquals(a.stateRoot(), b.stateRoot());
        for (String k : List.of("a", "b", "c", "d")) {
            Bytes key = Bytes.wrap(k.getBytes());
            assertEquals(a.get(key), b.get(key));
        }
    }

    @Test
    void theSameWritesInADifferentOrderGiveADifferentRoot() {
        Bytes x = KvTx.set("k".getBytes(), "1".getBytes());
        Bytes y = KvTx.set("k".getBytes(), "2".getBytes());
        Hash xy = new KvApp().execute(new BlockInfo(1, Hash.ZERO, 0), List.of(x, y)).stateRoot();
        Hash yx = new KvApp().execute(new BlockInfo(1, Hash.ZERO, 0), List.of(y, x)).stateRoot();
        assertNotEquals(xy, yx);
        // Even writes that commute on the state are ordered in the root: it commits to the history.
        Bytes p = KvTx.set("p".getBytes(), "1".getBytes());
        Bytes q = KvTx.set("q".getBytes(), "1".getBytes());
        assertNotEquals(new KvApp().execute(new BlockInfo(1, Hash.ZERO, 0), List.of(p, q)).stateRoot(),
                new KvApp().execute(new BlockInfo(1, Hash.ZERO, 0), List.of(q, p)).stateRoot());
    }

    @Test
    void splittingTheSameTxsAcrossBlocksGivesADifferentRoot() {
        Bytes x = KvTx.set("k".getBytes(), "1".getBytes());
        Bytes y = KvTx.set("j".getBytes(), "2".getBytes());
        KvApp one = new KvApp();
        one.execute(new BlockInfo(1, Hash.ZERO, 0), List.of(x, y));
        one.execute(new BlockInfo(2, Hash.ZERO, 0), List.of());
        KvApp two = new KvApp();
        two.execute(new BlockInfo(1, Hash.ZERO, 0), List.of(x));
        two.execute(new BlockInfo(2, Hash.ZERO, 0), List.of(y));
        assertEquals(one.get(Bytes.wrap("k".getBytes())), two.get(Bytes.wrap("k".getBytes())));
        assertNotEquals(one.stateRoot(), two.stateRoot());
    }

    @Test
    void emptyBlocksStillAdvanceTheRootSoEveryHeightHasItsOwn() {
        KvApp app = new KvApp();
        List<Hash> roots = new ArrayList<>();
        for (int h = 1; h <= 5; h++) {
            roots.add(app.execute(new BlockInfo(h, Hash.ZERO, 0), List.of()).stateRoot());
        }
        assertEquals(5, roots.stream().distinct().count());
    }
}
