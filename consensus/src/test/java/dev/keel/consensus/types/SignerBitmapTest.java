package dev.keel.consensus.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The signer set of a certificate: one byte representation per set, and nothing outside the set size. */
class SignerBitmapTest {
    record Case(int size, Set<Integer> indices) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(0, 70).flatMap(size -> size == 0
                ? Arbitraries.just(new Case(0, Set.of()))
                : Arbitraries.integers().between(0, size - 1).set().ofMaxSize(size).map(s -> new Case(size, s)));
    }

    @Property
    void indicesRoundTripAscending(@ForAll("cases") Case c) {
        SignerBitmap b = SignerBitmap.of(c.size(), c.indices());
        assertEquals(List.copyOf(new TreeSet<>(c.indices())), b.indices());
        assertEquals(c.indices().size(), b.count());
        assertEquals((c.size() + 7) / 8, b.bits().length());
        for (int i = -1; i <= c.size(); i++) {
            assertEquals(c.indices().contains(i), b.contains(i), "contains(" + i + ")");
        }
    }

    @Property
    void sameSetSameBytes(@ForAll("cases") Case c) {
        // Insertion order must not matter: the bitmap is canonical for the set.
        List<Integer> reversed = new java.util.ArrayList<>(new TreeSet<>(c.indices()).descendingSet());
        assertEquals(SignerBitmap.of(c.size(), c.indices()), SignerBitmap.of(c.size(), reversed));
    }

    @Property
    void constructorRejectsBitsBeyondSize(@ForAll @IntRange(min = 1, max = 70) int size,
                                          @ForAll @IntRange(min = 0, max = 7) int spareBit) {
        int bytes = (size + 7) / 8;
        int position = size + spareBit;
        Assume.that(position < bytes * 8);
        byte[] raw = new byte[bytes];
        raw[position / 8] |= (byte) (1 << (position % 8));
        assertThrows(IllegalArgumentException.class, () -> new SignerBitmap(size, Bytes.wrap(raw)));
    }

    @Property
    void ofRejectsIndicesOutsideTheSet(@ForAll @IntRange(min = 1, max = 70) int size) {
        assertThrows(IllegalArgumentException.class, () -> SignerBitmap.of(size, List.of(size)));
        assertThrows(IllegalArgumentException.class, () -> SignerBitmap.of(size, List.of(-1)));
    }

    @Test
    void constructorRejectsWrongByteLength() {
        assertThrows(IllegalArgumentException.class, () -> new SignerBitmap(8, Bytes.wrap(new byte[2])));
        assertThrows(IllegalArgumentException.class, () -> new SignerBitmap(9, Bytes.wrap(new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> new SignerBitmap(-1, Bytes.EMPTY));
    }

    @Test
    void bitIOfByteIOver8LeastSignificantFirst() {
        SignerBitmap b = SignerBitmap.of(10, List.of(0, 3, 9));
        assertEquals("0902", b.bits().toHex());
        assertTrue(b.contains(9));
        assertFalse(b.contains(1));
    }
}
