package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HexTextTest {
    @Property
    void bytesRoundTripInEitherCaseWithOrWithoutPrefix(@ForAll byte[] data) {
        Bytes b = Bytes.wrap(data);
        assertEquals(Optional.of(b), HexText.bytes(b.toHex()));
        assertEquals(Optional.of(b), HexText.bytes("0x" + b.toHex().toUpperCase()));
    }

    @Test
    void rejectsWhatIsNotHex() {
        for (String bad : List.of("0", "abc", "0xg0", "zz", "\u0663\u0663", "0x0x00", " 00", "00 ")) {
            assertTrue(HexText.bytes(bad).isEmpty(), bad);
        }
        assertEquals(Optional.of(Bytes.EMPTY), HexText.bytes(""));
        assertEquals(Optional.of(Bytes.EMPTY), HexText.bytes("0x"));
    }

    @Test
    void hashesAreExactly64Digits() {
        Hash h = Hash.of(new byte[] {9});
        assertEquals(Optional.of(h), HexText.hash(h.toHex()));
        assertEquals(Optional.of(h), HexText.hash("0X" + h.toHex()));
        assertTrue(HexText.hash(h.toHex().substring(2)).isEmpty());
        assertTrue(HexText.hash(h.toHex() + "00").isEmpty());
    }
}
