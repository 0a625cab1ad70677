package dev.keel.node.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The batch body ([u32 BE length][bytes]...) and the JSON reply. */
class BatchCodecTest {
    @Test
    void encodesLengthPrefixedBigEndian() {
        byte[] body = BatchCodec.encode(List.of(Bytes.fromHex("aabb"), Bytes.EMPTY, Bytes.fromHex("01")));
        assertEquals("00000002aabb" + "00000000" + "0000000101", HexFormat.of().formatHex(body));
    }

    @Test
    void encodesLengthsAbove255WithAllFourBytes() {
        byte[] body = BatchCodec.encode(List.of(Bytes.wrap(new byte[0x1_02_03])));
        assertArrayEquals(new byte[] {0, 1, 2, 3}, java.util.Arrays.copyOf(body, 4));
        assertEquals(4 + 0x1_02_03, body.length);
    }

    @Property(tries = 200)
    void decodeInvertsEncode(@ForAll @Size(min = 1, max = 20) List<@Size(max = 300) byte[]> txs) {
        List<Bytes> in = txs.stream().map(Bytes::copyOf).toList();
        assertEquals(in, BatchCodec.decode(BatchCodec.encode(in)));
    }

    @Test
    void refusesEmptyAndOversizedBatches() {
        assertThrows(IllegalArgumentException.class, () -> BatchCodec.encode(List.of()));
        List<Bytes> tooMany = new ArrayList<>();
        for (int i = 0; i <= BatchCodec.MAX_TXS; i++) {
            tooMany.add(Bytes.EMPTY);
        }
        assertThrows(IllegalArgumentException.class, () -> BatchCodec.encode(tooMany));
    }

    @Test
    void decodeRefusesTruncatedInput() {
        assertThrows(IllegalArgumentException.class, () -> BatchCodec.decode(HexFormat.of().parseHex("000000")));
        assertThrows(IllegalArgumentException.class, () -> BatchCodec.decode(HexFormat.of().parseHex("00000003aabb")));
    }

    @Test
    void parsesTheReplyInRequestOrder() {
        BatchCodec.Reply r = BatchCodec.parseReply("""
                {"accepted":1,"duplicate":1,"rejected":1,"busy":1,"retry_after_ms":250,"results":[
                 {"hash":"aa","status":"accepted"},{"hash":"bb","status":"duplicate"},
                 {"hash":"cc","status":"rejected","code":"insufficient_funds"},{"hash":"dd","status":"busy","code":"mempool_full"}]}
                """);
        assertEquals(250, r.retryAfterMillis());
        assertEquals(List.of(new BatchCodec.Outcome("aa", BatchCodec.Status.ACCEPTED, ""),
                new BatchCodec.Outcome("bb", BatchCodec.Status.DUPLICATE, ""),
                new BatchCodec.Outcome("cc", BatchCodec.Status.REJECTED, "insufficient_funds"),
                new BatchCodec.Outcome("dd", BatchCodec.Status.BUSY, "mempool_full")), r.results());
    }

    @Test
    void refusesRepliesItCannotRead() {
        var e = assertThrows(IllegalArgumentException.class, () -> BatchCodec.parseReply("{\"accepted\":1}"));
        assertTrue(e.getMessage().contains("results"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BatchCodec.parseReply("{\"results\":[{\"hash\":\"aa\",\"status\":\"maybe\"}]}"));
    }

    @Test
    void hashIsHexSha256OfTheBytes() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                PreparedTx.of(Bytes.wrap("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).hash());
    }
}
