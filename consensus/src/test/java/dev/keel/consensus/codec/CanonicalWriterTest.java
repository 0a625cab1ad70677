package dev.keel.consensus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.types.Bytes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Negative;
import org.junit.jupiter.api.Test;

/** The primitives of the canonical form: big-endian fixed-width integers, u32-prefixed bytes. */
class CanonicalWriterTest {

    @Property
    void u32IsFourBytesBigEndian(@ForAll @LongRange(min = 0, max = 0xffff_ffffL) long v) {
        byte[] b = new CanonicalWriter(0).u32(v).toByteArray();
        assertEquals(4, b.length);
        long decoded = 0;
        for (byte x : b) {
            decoded = (decoded << 8) | (x & 0xff);
        }
        assertEquals(v, decoded);
    }

    @Property
    void u64IsEightBytesBigEndian(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
        byte[] b = new CanonicalWriter(0).u64(v).toByteArray();
        assertEquals(8, b.length);
        long decoded = 0;
        for (byte x : b) {
            decoded = (decoded << 8) | (x & 0xff);
        }
        assertEquals(v, decoded);
    }

    @Property
    void u64RefusesNegatives(@ForAll @Negative long v) {
        assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter(8).u64(v));
    }

    @Test
    void u32RefusesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter(8).u32(-1));
        assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter(8).u32(0x1_0000_0000L));
    }

    @Property
    void bytesAreLengthPrefixedAndBufferGrows(@ForAll byte[] data, @ForAll @LongRange(max = 100) long pad) {
        CanonicalWriter w = new CanonicalWriter(0);
        for (int i = 0; i < pad; i++) {
            w.u8(i);
        }
        byte[] out = w.bytes(Bytes.copyOf(data)).toByteArray();
        assertEquals(pad + 4 + data.length, out.length);
        int at = (int) pad;
        int len = ((out[at] & 0xff) << 24) | ((out[at + 1] & 0xff) << 16) | ((out[at + 2] & 0xff) << 8) | (out[at + 3] & 0xff);
        assertEquals(data.length, len);
        assertArrayEquals(data, java.util.Arrays.copyOfRange(out, at + 4, out.length));
    }

    @Test
    void stringIsUtf8WithByteLengthPrefix() {
        // "é" is two UTF-8 bytes: the prefix counts bytes, not chars.
        assertEquals("00000002c3a9", java.util.HexFormat.of().formatHex(new CanonicalWriter(0).string("é").toByteArray()));
    }
}
