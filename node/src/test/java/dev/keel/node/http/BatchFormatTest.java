package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/** The batch bodies: the length-prefixed binary format and the JSON form. */
class BatchFormatTest {
    @Property
    void binaryRoundTrips(@ForAll @Size(max = 20) List<@Size(max = 300) byte[]> txs) {
        List<Bytes> in = txs.stream().map(Bytes::copyOf).toList();
        assertEquals(in, ok(BatchFormat.decodeBinary(ByteString.fromArray(BatchFormat.encode(in)), 100)));
    }

    @Property
    void everyProperPrefixOfANonEmptyBatchIsRejectedOrDecodesFewerTxs(
            @ForAll @Size(min = 1, max = 5) List<@Size(max = 40) byte[]> txs, @ForAll @IntRange(min = 1, max = 400) int cut) {
        byte[] full = BatchFormat.encode(txs.stream().map(Bytes::copyOf).toList());
        int at = full.length - Math.min(cut, full.length);
        Decoded<List<Bytes>> d = BatchFormat.decodeBinary(ByteString.fromArray(Arrays.copyOf(full, at)), 100);
        // Cut at a transaction boundary: fewer transactions, never garbage; anywhere else: bad_request.
        if (d instanceof Decoded.Ok<List<Bytes>> ok) {
            assertTrue(ok.value().size() < txs.size());
        } else {
            assertEquals("bad_request", ((Decoded.Failed<List<Bytes>>) d).error().code());
        }
    }

    @Test
    void layoutIsBigEndianLengthThenBytes() {
        byte[] encoded = BatchFormat.encode(List.of(TestBlocks.tx("ab"), Bytes.EMPTY));
        assertEquals("0000000261620000 0000".replace(" ", ""), Bytes.wrap(encoded).toHex());
    }

    @Test
    void emptyTransactionsAreKeptForTheMempoolToReject() {
        assertEquals(List.of(Bytes.EMPTY, TestBlocks.tx("x")),
                ok(BatchFormat.decodeBinary(ByteString.fromArray(BatchFormat.encode(List.of(Bytes.EMPTY, TestBlocks.tx("x")))), 10)));
    }

    @Test
    void aTruncatedLengthPrefixIsBadRequest() {
        byte[] body = concat(BatchFormat.encode(List.of(TestBlocks.tx("abc"))), new byte[] {0, 0});
        var f = failed(BatchFormat.decodeBinary(ByteString.fromArray(body), 10));
        assertEquals("bad_request", f.error().code());
        assertEquals(400, f.status().intValue());
        assertTrue(f.error().message().contains("truncated length prefix at byte 7"), f.error().message());
    }

    @Test
    void aLengthPastTheEndIsBadRequest() {
        byte[] body = ByteBuffer.allocate(6).putInt(5).put((byte) 1).put((byte) 2).array();
        var f = failed(BatchFormat.decodeBinary(ByteString.fromArray(body), 10));
        assertEquals("bad_request", f.error().code());
        assertTrue(f.error().message().contains("declares 5 bytes but only 2 follow"), f.error().message());
    }

    @Test
    void aLengthAbove2GiBIsReadUnsignedAndRefused() {
        byte[] body = ByteBuffer.allocate(5).putInt(0xFFFFFFFF).put((byte) 1).array();
        var f = failed(BatchFormat.decodeBinary(ByteString.fromArray(body), 10));
        assertTrue(f.error().message().contains("declares 4294967295 bytes"), f.error().message());
    }

    @Test
    void moreThanTheMaximumIs413TooManyTxs() {
        List<Bytes> txs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            txs.add(TestBlocks.tx("t" + i));
        }
        assertEquals(4, ok(BatchFormat.decodeBinary(ByteString.fromArray(BatchFormat.encode(txs)), 4)).size());
        var f = failed(BatchFormat.decodeBinary(ByteString.fromArray(BatchFormat.encode(txs)), 3));
        assertEquals("too_many_txs", f.error().code());
        assertEquals(413, f.status().intValue());
        assertEquals("too_many_txs", failed(BatchFormat.decodeJson(json("{\"txs\":[\"00\",\"01\",\"02\",\"03\"]}"), 3))
                .error().code());
    }

    @Test
    void jsonForm() {
        assertEquals(List.of(TestBlocks.tx("ab"), Bytes.EMPTY, TestBlocks.tx("ab")),
                ok(BatchFormat.decodeJson(json("{\"txs\":[\"6162\",\"\",\"0x6162\"]}"), 10)));
        for (String bad : List.of("{\"txs\":\"6162\"}", "{\"txs\":[1]}", "{\"txs\":[\"6\"]}", "{\"tx\":[]}", "[]",
                "{\"txs\":[],\"more\":1}", "{\"txs\":[")) {
            assertEquals("bad_request", failed(BatchFormat.decodeJson(json(bad), 10)).error().code(), bad);
        }
    }

    private static ByteString json(String s) {
        return ByteString.fromString(s, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Bytes> ok(Decoded<List<Bytes>> d) {
        return ((Decoded.Ok<List<Bytes>>) assertInstanceOf(Decoded.Ok.class, d, d.toString())).value();
    }

    @SuppressWarnings("unchecked")
    private static Decoded.Failed<List<Bytes>> failed(Decoded<List<Bytes>> d) {
        return assertInstanceOf(Decoded.Failed.class, d, d.toString());
    }
}
