package dev.keel.network.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.ChainContext;
import dev.keel.network.MessageGen;
import dev.keel.network.NetworkLimits;
import dev.keel.network.codec.DecodeException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips, exhaustiveness and the specific typed rejections of the wire codec. */
class WireCodecTest {
    private final WireCodec codec = new WireCodec(NetworkLimits.DEFAULT);

    @Provide
    Arbitrary<Message> messages() {
        return Arbitraries.randomValue(MessageGen::message);
    }

    @Property(tries = 500)
    void everyMessageRoundTrips(@ForAll("messages") Message m) throws DecodeException {
        byte[] bytes = codec.encode(m);
        assertEquals(m, codec.decode(bytes));
        assertArrayEquals(bytes, codec.encode(codec.decode(bytes)), "encoding is deterministic");
    }

    @Example
    void everyPermittedMessageKindHasAnIdAndRoundTrips() throws DecodeException {
        Random r = new Random(7);
        for (Class<?> kind : Message.class.getPermittedSubclasses()) {
            for (int i = 0; i < 20; i++) {
                Message m = MessageGen.of(kind, r);
                assertEquals(m, codec.decode(codec.encode(m)), kind.getSimpleName());
            }
        }
    }

    @Example
    void unknownTypeIdsAreRejected() {
        // 0 and 1 are Kryo's "null" and "class by name" tags; 107 is the next free message id; 120 is a value type.
        for (int id : new int[] {0, 1, 2, 99, 107, 120, 127}) {
            var e = assertThrows(DecodeException.class, () -> codec.decode(new byte[] {(byte) id, 0, 0}));
            assertEquals(Reason.UNKNOWN_TYPE, e.reason(), "id " + id);
        }
    }

    @Example
    void trailingBytesAreRejected() {
        byte[] ok = codec.encode(MessageGen.blockRequest(new Random(1)));
        byte[] longer = Arrays.copyOf(ok, ok.length + 1);
        assertEquals(Reason.TRAILING_BYTES, assertThrows(DecodeException.class, () -> codec.decode(longer)).reason());
    }

    @Example
    void truncationIsRejected() {
        byte[] ok = codec.encode(MessageGen.proposal(new Random(2)));
        for (int len = 0; len < ok.length; len++) {
            byte[] cut = Arrays.copyOf(ok, len);
            assertThrows(DecodeException.class, () -> codec.decode(cut), "cut at " + len);
        }
    }

    @Example
    void recordInvariantsAreCheckedOnDecode() {
        // A block request for 0 blocks is well-formed bytes but not a valid value.
        byte[] bytes = codec.encode(new BlockRequest(Hash.ZERO, 1, 0));
        bytes[1 + Hash.LENGTH] = 0;
        assertEquals(Reason.INVALID_VALUE, assertThrows(DecodeException.class, () -> codec.decode(bytes)).reason());
    }

    @Example
    void hugeCountsInTinyFramesAreRejectedBeforeAllocation() {
        // BlockResponse claiming 2^31-1 blocks, then a payload claiming 2^31-1 transactions.
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(WireCodec.ID_BLOCK_RESPONSE);
        b.writeBytes(new byte[Hash.LENGTH]);
        b.writeBytes(huge);
        assertEquals(Reason.OVER_LIMIT, assertThrows(DecodeException.class, () -> codec.decode(b.toByteArray())).reason());

        byte[] tx = codec.encode(new BlockResponse(Hash.ZERO, List.of(blockWithTxs(1, 3))));
        // The last tx is "len(3) b b b": claim a length far beyond the frame instead.
        int at = tx.length - 4;
        assertEquals(3, tx[at]);
        byte[] forged = new byte[at + huge.length];
        System.arraycopy(tx, 0, forged, 0, at);
        System.arraycopy(huge, 0, forged, at, huge.length);
        assertEquals(Reason.OVER_LIMIT, assertThrows(DecodeException.class, () -> codec.decode(forged)).reason());
    }

    @Example
    void countsWithinLimitsButBeyondTheFrameAreTruncation() {
        var small = new WireCodec(NetworkLimits.DEFAULT);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(WireCodec.ID_BLOCK_RESPONSE);
        b.writeBytes(new byte[Hash.LENGTH]);
        b.write(200); // 200 blocks (varint 0xC8 0x01) in a 40-byte frame
        b.write(1);
        assertEquals(Reason.TRUNCATED, assertThrows(DecodeException.class, () -> small.decode(b.toByteArray())).reason());
    }

    @Example
    void framesOverTheMessageCapAreRejectedUpfront() {
        var limits = NetworkLimits.DEFAULT.withMaxFrameBytes(4096);
        var c = new WireCodec(limits);
        byte[] big = new byte[limits.maxMessageBytes() + 1];
        assertEquals(Reason.OVER_LIMIT, assertThrows(DecodeException.class, () -> c.decode(big)).reason());
    }

    @Example
    void encodingAMessageOverTheCapIsALocalError() {
        var c = new WireCodec(NetworkLimits.DEFAULT.withMaxFrameBytes(4096));
        Block b = blockWithTxs(10, 1000);
        assertThrows(IllegalArgumentException.class, () -> c.encode(new BlockResponse(b.id(), List.of(b))));
    }

    private static Block blockWithTxs(int n, int size) {
        List<Bytes> txs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] tx = new byte[size];
            Arrays.fill(tx, (byte) i);
            txs.add(Bytes.wrap(tx));
        }
        Payload p = new Payload(txs);
        Block g = Block.genesis(new ChainContext("t", 0), 4);
        BlockHeader h = new BlockHeader(0, 1, 1, g.id(), QuorumCert.genesis(g.id(), 4), 0, 0, p.hash(), Hash.ZERO);
        return Block.of(h, p);
    }
}
