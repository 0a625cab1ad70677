package dev.keel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The stored form of a validator's checkpoint: lossless, and strict about what it reads back. */
class CheckpointRecordTest {
    private static final Checkpoint CP = CheckpointFixture.checkpoint(4, 100);
    private static final EthSignature OWN = CheckpointFixture.key(0).sign(CP.digest());
    private static final CheckpointRecord UNFORMED = new CheckpointRecord(CP, OWN, Optional.empty());
    private static final CheckpointRecord FORMED =
            UNFORMED.withFormed(CheckpointFixture.formed(CP, CheckpointFixture.keys(4), 3, 1_700_000_000_000L));

    @Test
    void roundTripsWithoutAndWithTheFormedCheckpoint() {
        assertEquals(UNFORMED, CheckpointRecord.decode(UNFORMED.encode()));
        assertEquals(FORMED, CheckpointRecord.decode(FORMED.encode()));
        assertEquals(4, CheckpointRecord.decode(FORMED.encode()).number());
    }

    @Test
    void everyTruncationIsRejected() {
        for (CheckpointRecord r : List.of(UNFORMED, FORMED)) {
            byte[] full = r.encode().toArray();
            for (int len = 0; len < full.length; len++) {
                Bytes prefix = Bytes.wrap(Arrays.copyOf(full, len));
                assertThrows(IllegalArgumentException.class, () -> CheckpointRecord.decode(prefix), "length " + len);
            }
        }
    }

    @Test
    void trailingBytesAreRejected() {
        for (CheckpointRecord r : List.of(UNFORMED, FORMED)) {
            byte[] full = r.encode().toArray();
            Bytes longer = Bytes.wrap(Arrays.copyOf(full, full.length + 1));
            assertThrows(IllegalArgumentException.class, () -> CheckpointRecord.decode(longer));
        }
    }

    @Test
    void anUnknownVersionIsRejected() {
        byte[] b = UNFORMED.encode().toArray();
        b[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> CheckpointRecord.decode(Bytes.wrap(b)));
    }

    @Test
    void aFormedFlagOtherThanZeroOrOneIsRejected() {
        int flag = 1 + 5 * 8 + 4 * Hash.LENGTH + EthSignature.LENGTH;
        byte[] b = FORMED.encode().toArray();
        assertEquals(1, b[flag]);
        b[flag] = 2;
        assertThrows(IllegalArgumentException.class, () -> CheckpointRecord.decode(Bytes.wrap(b)));
    }

    @Test
    void aFormedCheckpointMustBeTheLocalOne() {
        SignedCheckpoint other =
                CheckpointFixture.formed(CheckpointFixture.forked(CP), CheckpointFixture.keys(4), 3, 0);
        assertThrows(IllegalArgumentException.class, () -> UNFORMED.withFormed(other));
    }

    @Provide
    Arbitrary<CheckpointRecord> records() {
        Arbitrary<Long> small = Arbitraries.longs().between(0, Long.MAX_VALUE / 2);
        Arbitrary<Hash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> new Hash(Bytes.wrap(b)));
        Arbitrary<EthSignature> sigs = Arbitraries.bytes().array(byte[].class).ofSize(65)
                .map(b -> new EthSignature(Bytes.wrap(b)));
        Arbitrary<Long> lengths = Arbitraries.longs().between(0, 1000);
        Arbitrary<Checkpoint> cps = Combinators.combine(small, small, small, small, lengths, hashes, hashes, hashes)
                .as((num, chain, epoch, first, len, h1, h2, h3)
                        -> new Checkpoint(num + 1, chain, epoch, first + 1, first + 1 + len, h1, h2, h3, h1));
        Arbitrary<List<EthAddress>> signers = Arbitraries.bytes().array(byte[].class).ofSize(20)
                .map(b -> new EthAddress(Bytes.wrap(b))).set().ofMinSize(1).ofMaxSize(6)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<Boolean> isFormed = Arbitraries.of(true, false);
        return Combinators.combine(cps, sigs, signers, sigs.list().ofSize(6), Arbitraries.longs(), isFormed)
                .as((cp, own, who, all, at, withFormed) -> {
                    CheckpointRecord r = new CheckpointRecord(cp, own, Optional.empty());
                    return withFormed ? r.withFormed(new SignedCheckpoint(cp, who, all.subList(0, who.size()), at)) : r;
                });
    }

    @Property(tries = 300)
    void anyRecordRoundTrips(@ForAll("records") CheckpointRecord r) {
        assertEquals(r, CheckpointRecord.decode(r.encode()));
    }

    @Property(tries = 2000)
    void randomBytesDecodeOrThrowIllegalArgument(@ForAll byte[] junk) {
        decodeStrictly(junk);
    }

    /** Garbage that starts like a real record reaches deeper into the decoder than random bytes do. */
    @Property(tries = 2000)
    void corruptedRecordsDecodeCanonicallyOrThrowIllegalArgument(@ForAll("records") CheckpointRecord r,
            @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll byte value, @ForAll @IntRange(max = 3) int cut) {
        byte[] b = r.encode().toArray();
        b[at % b.length] = value;
        decodeStrictly(Arrays.copyOf(b, b.length - cut));
    }

    /** Decoding either fails with IllegalArgumentException or yields a record that encodes back to the same bytes. */
    private static void decodeStrictly(byte[] bytes) {
        CheckpointRecord decoded;
        try {
            decoded = CheckpointRecord.decode(Bytes.wrap(bytes));
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertEquals(Bytes.wrap(bytes), decoded.encode());
    }
}
