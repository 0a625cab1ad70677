package dev.keel.app.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kv wire format is a client-facing protocol: pin its bytes and its limits. */
class KvTxTest {
    @Test
    void encodingIsOpThenBigEndianKeyLengthThenKeyThenValue() {
        assertEquals("01" + "0002" + "6b31" + "7631", KvTx.set("k1".getBytes(UTF_8), "v1".getBytes(UTF_8)).toHex());
        assertEquals("02" + "0001" + "61" + "ff", KvTx.append(new byte[] {'a'}, new byte[] {(byte) 0xff}).toHex());
        assertEquals("03" + "0001" + "61", KvTx.delete(new byte[] {'a'}).toHex());
    }

    @Test
    void decodeReturnsTheOperationItWasBuiltFrom() {
        Bytes key = Bytes.copyOf("k".getBytes(UTF_8));
        Bytes value = Bytes.copyOf("value".getBytes(UTF_8));
        assertEquals(new KvOp.Set(key, value), KvTx.decode(KvTx.set(key.toArray(), value.toArray())));
        assertEquals(new KvOp.Append(key, value), KvTx.decode(KvTx.append(key.toArray(), value.toArray())));
        assertEquals(new KvOp.Delete(key), KvTx.decode(KvTx.delete(key.toArray())));
        assertEquals(new KvOp.Set(key, Bytes.EMPTY), KvTx.decode(KvTx.set(key.toArray(), new byte[0])));
    }

    @Test
    void buildersEnforceTheLimits() {
        byte[] maxKey = new byte[KvTx.MAX_KEY_BYTES];
        byte[] maxValue = new byte[KvTx.MAX_VALUE_BYTES];
        assertEquals(3 + 256 + 65536, KvTx.set(maxKey, maxValue).length());
        assertThrows(IllegalArgumentException.class, () -> KvTx.set(new byte[0], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> KvTx.set(new byte[257], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> KvTx.append(new byte[1], new byte[KvTx.MAX_VALUE_BYTES + 1]));
        assertThrows(IllegalArgumentException.class, () -> KvTx.delete(new byte[0]));
    }

    @Test
    void setOfSizeHitsTheSizeExactlyAndStartsTheValueWithTheUniquifier() {
        byte[] key = "load/1".getBytes(UTF_8);
        for (int size : new int[] {3 + 6 + 8, 100, 250, 4096, 3 + 6 + KvTx.MAX_VALUE_BYTES}) {
            Bytes tx = KvTx.setOfSize(key, size, 0x0102030405060708L);
            assertEquals(size, tx.length());
            KvOp.Set set = assertInstanceOf(KvOp.Set.class, KvTx.decode(tx));
            assertArrayEquals(HexFormat.of().parseHex("0102030405060708"), java.util.Arrays.copyOf(set.value().toArray(), 8));
        }
        assertNotEquals(KvTx.setOfSize(key, 100, 1), KvTx.setOfSize(key, 100, 2));
    }

    @Test
    void setOfSizeRejectsImpossibleSizes() {
        byte[] key = "k".getBytes(UTF_8);
        assertThrows(IllegalArgumentException.class, () -> KvTx.setOfSize(key, 3 + 1 + 7, 0)); // no room for the uniquifier
        assertThrows(IllegalArgumentException.class, () -> KvTx.setOfSize(key, 3 + 1 + KvTx.MAX_VALUE_BYTES + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> KvTx.setOfSize(new byte[0], 100, 0));
        assertThrows(IllegalArgumentException.class, () -> KvTx.setOfSize(key, -1, 0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'', shorter than the 3-byte header",
        "0100, shorter than the 3-byte header",
        "04000161, unknown op 4",
        "00000161, unknown op 0",
        "01000061, key length 0 outside 1..256",
        "01010161, key length 257 outside 1..256",
        "0100026b, key runs past the end",
        "03000161ff, delete carries a value",
    })
    void malformedBytesDecodeToATypedRejection(String hex, String reason) {
        assertEquals(new KvDecoded.Malformed(reason), KvTx.decode(Bytes.fromHex(hex)));
    }

    @Test
    void anOversizedValueIsMalformed() {
        byte[] tx = new byte[3 + 1 + KvTx.MAX_VALUE_BYTES + 1];
        tx[0] = KvTx.OP_SET;
        tx[2] = 1;
        KvDecoded.Malformed m = assertInstanceOf(KvDecoded.Malformed.class, KvTx.decode(Bytes.wrap(tx)));
        assertTrue(m.reason().startsWith("value of 65537 bytes"), m.reason());
    }
}
