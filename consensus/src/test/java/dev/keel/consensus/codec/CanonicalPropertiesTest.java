package dev.keel.consensus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.VoteData;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One value has exactly one encoding, and distinct values have distinct encodings: otherwise
 * two different votes would share a signature (or two blocks an id).
 */
class CanonicalPropertiesTest {

    /** Small domains so that equal pairs and near-equal pairs (one field apart) both occur often. */
    @Provide
    Arbitrary<VoteData> voteData() {
        Arbitrary<Hash> ids = Arbitraries.of(0x00, 0x01, 0x80, 0xff).map(b -> {
            byte[] x = new byte[32];
            Arrays.fill(x, (byte) (int) b);
            return new Hash(Bytes.wrap(x));
        });
        Arbitrary<Long> rounds = Arbitraries.longs().between(1, 4);
        return Combinators.combine(ids, rounds, Arbitraries.longs().between(1, 3), ids, Arbitraries.longs().between(0, 3))
                .filter((id, r, h, p, pr) -> pr < r)
                .as(VoteData::new);
    }

    @Property(tries = 2000)
    void distinctVoteDataEncodeDistinctly(@ForAll("voteData") VoteData a, @ForAll("voteData") VoteData b) {
        byte[] ea = Canonical.encode(a);
        byte[] eb = Canonical.encode(b);
        if (a.equals(b)) {
            assertArrayEquals(ea, eb);
        } else {
            assertFalse(Arrays.equals(ea, eb), a + " and " + b + " share an encoding");
        }
    }

    /** Length prefixes keep tx boundaries: ["ab","c"] and ["a","bc"] must differ. */
    @Property(tries = 1000)
    void distinctPayloadsEncodeDistinctly(@ForAll("txs") List<Bytes> a, @ForAll("txs") List<Bytes> b) {
        byte[] ea = Canonical.encode(new Payload(a));
        byte[] eb = Canonical.encode(new Payload(b));
        if (a.equals(b)) {
            assertArrayEquals(ea, eb);
        } else {
            assertFalse(Arrays.equals(ea, eb));
        }
    }

    @Provide
    Arbitrary<List<Bytes>> txs() {
        return Arbitraries.bytes().between((byte) 0, (byte) 1).array(byte[].class).ofMaxSize(2).map(Bytes::wrap)
                .list().ofMaxSize(3);
    }

    @Property(tries = 200)
    void encodingIsDeterministic(@ForAll("voteData") VoteData d) {
        assertArrayEquals(Canonical.encode(d), Canonical.encode(new VoteData(d.blockId(), d.round(), d.height(),
                d.parentId(), d.parentRound())));
    }
}
