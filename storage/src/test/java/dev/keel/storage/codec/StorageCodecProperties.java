package dev.keel.storage.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.storage.TxLocation;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The storage codec round-trips every value exactly, and rejects every truncation, every
 * changed byte and every value of the wrong kind with {@link CorruptDataException} — and
 * garbage that happens to carry a valid checksum with nothing worse than that exception.
 */
class StorageCodecProperties {
    /** One decoder under test, as a function that may only throw CorruptDataException. */
    private interface Decoder {
        Object decode(byte[] value) throws CorruptDataException;
    }

    private static final List<Decoder> DECODERS = List.of(StorageCodec::decodeHeader, StorageCodec::decodePayload,
            StorageCodec::decodeQc, StorageCodec::decodeSafety, StorageCodec::decodeTxLocation,
            StorageCodec::decodeCheckpoint, StorageCodec::decodeTc);

    @Property(tries = 300)
    void blocksRoundTrip(@ForAll long seed) throws CorruptDataException {
        Block b = new RandomValues(seed).block();
        byte[] h = StorageCodec.encodeHeader(b.header());
        byte[] p = StorageCodec.encodePayload(b.payload());
        assertEquals(b, StorageCodec.decodeBlock(b.id(), h, p));
        assertEquals(b.header(), StorageCodec.decodeHeader(h));
        assertEquals(b.payload(), StorageCodec.decodePayload(p));
    }

    @Property(tries = 300)
    void qcsRoundTrip(@ForAll long seed) throws CorruptDataException {
        QuorumCert qc = new RandomValues(seed).qc();
        assertEquals(qc, StorageCodec.decodeQc(StorageCodec.encodeQc(qc)));
    }

    @Property(tries = 300)
    void tcsRoundTrip(@ForAll long seed) throws CorruptDataException {
        TimeoutCert tc = new RandomValues(seed).tc();
        assertEquals(tc, StorageCodec.decodeTc(StorageCodec.encodeTc(tc)));
    }

    @Property(tries = 300)
    void safetyRecordsRoundTrip(@ForAll long seed) throws CorruptDataException {
        SafetyRecord s = new RandomValues(seed).safety();
        assertEquals(s, StorageCodec.decodeSafety(StorageCodec.encodeSafety(s)));
    }

    @Property(tries = 100)
    void smallValuesRoundTrip(@ForAll long seed) throws CorruptDataException {
        RandomValues v = new RandomValues(seed);
        TxLocation loc = v.txLocation();
        assertEquals(loc, StorageCodec.decodeTxLocation(StorageCodec.encodeTxLocation(loc)));
        Bytes cp = v.bytes(v.nextInt(100));
        assertEquals(cp, StorageCodec.decodeCheckpoint(StorageCodec.encodeCheckpoint(cp)));
        assertEquals(SafetyRecord.INITIAL, StorageCodec.decodeSafety(StorageCodec.encodeSafety(SafetyRecord.INITIAL)));
    }

    @Property(tries = 60)
    void everyTruncationIsRejected(@ForAll long seed) {
        for (Sample s : samples(seed)) {
            int step = Math.max(1, s.bytes.length / 200);
            for (int len = 0; len < s.bytes.length; len += step) {
                byte[] cut = Arrays.copyOf(s.bytes, len);
                assertThrows(CorruptDataException.class, () -> s.decoder.decode(cut), "prefix of " + len);
            }
            byte[] lastByteMissing = Arrays.copyOf(s.bytes, s.bytes.length - 1);
            assertThrows(CorruptDataException.class, () -> s.decoder.decode(lastByteMissing));
        }
    }

    @Property(tries = 200)
    void everyChangedByteIsRejected(@ForAll long seed, @ForAll @IntRange(min = 1, max = 255) int xor) {
        Random rnd = new Random(seed);
        for (Sample s : samples(seed)) {
            byte[] bad = s.bytes.clone();
            bad[rnd.nextInt(bad.length)] ^= (byte) xor;
            assertThrows(CorruptDataException.class, () -> s.decoder.decode(bad));
        }
    }

    @Property(tries = 50)
    void aValueOfAnotherKindIsRejected(@ForAll long seed) {
        List<Sample> samples = samples(seed);
        for (int kind = 0; kind < samples.size(); kind++) {
            byte[] value = samples.get(kind).bytes;
            for (int other = 0; other < DECODERS.size(); other++) {
                Decoder d = DECODERS.get(other);
                if (other != kind) {
                    assertThrows(CorruptDataException.class, () -> d.decode(value));
                }
            }
        }
    }

    /** Garbage behind a valid checksum reaches the field parsers: they must stay in bounds. */
    @Property(tries = 500)
    void garbageWithAValidChecksumNeverCrashes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int length) {
        Random rnd = new Random(seed);
        for (int kind = 1; kind <= DECODERS.size(); kind++) {
            byte[] body = new byte[1 + length];
            rnd.nextBytes(body);
            body[0] = (byte) kind;
            decodeOrReject(DECODERS.get(kind - 1), withCrc(body));
        }
    }

    /** Small edits behind a recomputed checksum: decodes to something valid or is rejected. */
    @Property(tries = 300)
    void editedFieldsWithAValidChecksumNeverCrash(@ForAll long seed) {
        Random rnd = new Random(seed);
        for (Sample s : samples(seed)) {
            byte[] body = Arrays.copyOf(s.bytes, s.bytes.length - 4);
            for (int i = 0; i < 3; i++) {
                body[1 + rnd.nextInt(body.length - 1)] = (byte) rnd.nextInt(256);
            }
            decodeOrReject(s.decoder, withCrc(body));
        }
    }

    private static void decodeOrReject(Decoder d, byte[] value) {
        try {
            d.decode(value);
        } catch (CorruptDataException expected) {
            // Rejected with the typed error: fine.
        }
    }

    private record Sample(byte[] bytes, Decoder decoder) {
    }

    /** One encoded value per kind, in the order of {@link #DECODERS}. */
    private static List<Sample> samples(long seed) {
        RandomValues v = new RandomValues(seed);
        Block b = v.block();
        List<byte[]> values = List.of(StorageCodec.encodeHeader(b.header()), StorageCodec.encodePayload(b.payload()),
                StorageCodec.encodeQc(v.qc()), StorageCodec.encodeSafety(v.safety()),
                StorageCodec.encodeTxLocation(v.txLocation()), StorageCodec.encodeCheckpoint(v.bytes(v.nextInt(64))), StorageCodec.encodeTc(v.tc()));
        List<Sample> out = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(new Sample(values.get(i), DECODERS.get(i)));
        }
        return out;
    }

    private static byte[] withCrc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] out = Arrays.copyOf(body, body.length + 4);
        int c = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            out[body.length + i] = (byte) (c >>> (24 - 8 * i));
        }
        return out;
    }
}
