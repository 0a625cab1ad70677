package dev.keel.consensus.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The value type behind every byte field: equality, hashCode and order must agree. */
class BytesTest {
    /** Short arrays over a tiny alphabet, so equal pairs are common. */
    @Provide
    Arbitrary<byte[]> small() {
        return Arbitraries.of((byte) 0x00, (byte) 0x7f, (byte) 0x80, (byte) 0xff).array(byte[].class).ofMaxSize(3);
    }

    @Property(tries = 2000)
    void equalsHashCodeAndCompareToAgree(@ForAll("small") byte[] a, @ForAll("small") byte[] b) {
        Bytes x = Bytes.copyOf(a);
        Bytes y = Bytes.copyOf(b);
        boolean same = Arrays.equals(a, b);
        assertEquals(same, x.equals(y));
        assertEquals(same, x.compareTo(y) == 0);
        if (same) {
            assertEquals(x.hashCode(), y.hashCode());
        }
        assertEquals(Integer.signum(x.compareTo(y)), -Integer.signum(y.compareTo(x)));
        assertEquals(Integer.signum(Arrays.compareUnsigned(a, b)), Integer.signum(x.compareTo(y)));
    }

    @Property(tries = 1000)
    void compareToIsTransitive(@ForAll("small") byte[] a, @ForAll("small") byte[] b, @ForAll("small") byte[] c) {
        Bytes x = Bytes.wrap(a);
        Bytes y = Bytes.wrap(b);
        Bytes z = Bytes.wrap(c);
        if (x.compareTo(y) <= 0 && y.compareTo(z) <= 0) {
            assertEquals(true, x.compareTo(z) <= 0);
        }
    }

    @Property
    void hexRoundTrips(@ForAll byte[] a) {
        assertEquals(Bytes.copyOf(a), Bytes.fromHex(Bytes.copyOf(a).toHex()));
    }

    @Test
    void copyOfIsolatesFromLaterWritesAndToArrayIsACopy() {
        byte[] raw = {1, 2, 3};
        Bytes b = Bytes.copyOf(raw);
        raw[0] = 9;
        assertEquals("010203", b.toHex());
        b.toArray()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, b.toArray());
    }

    @Test
    void orderIsUnsigned() {
        // 0x80 is above 0x7f as an unsigned byte, whatever Java's signed byte says.
        assertEquals(1, Integer.signum(Bytes.fromHex("80").compareTo(Bytes.fromHex("7f"))));
        assertNotEquals(Bytes.fromHex("00"), Bytes.EMPTY);
    }
}
