package dev.keel.consensus.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.VoteData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the canonical encoding (what is hashed and signed) with checked-in hex in
 * {@code vectors/canonical.txt}. Those bytes are a protocol constant: if a vector moves,
 * blocks get new ids and old signatures stop verifying — a hard fork, never a refactor.
 * The hand-derived tests below check the file against the spec in {@link Canonical}'s
 * Javadoc, so the vectors are not only the encoder agreeing with itself.
 */
class CanonicalVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    static final ChainContext SIGNING_CHAIN = new ChainContext("keel-test", 7);

    // ---- the fixed, hand-constructed inputs ----

    static Hash filled(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return new Hash(Bytes.wrap(x));
    }

    static Signature fakeSignature(int b) {
        byte[] x = new byte[64];
        Arrays.fill(x, (byte) b);
        return new Signature(Bytes.wrap(x));
    }

    static final VoteData VOTE_DATA = new VoteData(filled(0x11), 5, 4, filled(0x22), 4);
    static final QuorumCert GENESIS_QC = QuorumCert.genesis(filled(0x44), 4);
    static final QuorumCert QC = new QuorumCert(VOTE_DATA, SignerBitmap.of(4, List.of(0, 1, 3)),
            List.of(fakeSignature(0xa0), fakeSignature(0xa1), fakeSignature(0xa3)));
    static final Payload PAYLOAD = new Payload(List.of(
            Bytes.wrap("tx-one".getBytes(StandardCharsets.UTF_8)), Bytes.fromHex("000102")));
    static final BlockHeader HEADER = new BlockHeader(0, 6, 5, VOTE_DATA.blockId(), QC, 2, 1_700_000_000_000L,
            PAYLOAD.hash(), filled(0x33));
    static final TimeoutCert TC = new TimeoutCert(9, SignerBitmap.of(4, List.of(0, 2, 3)), List.of(5L, 4L, 5L),
            List.of(fakeSignature(0xb0), fakeSignature(0xb2), fakeSignature(0xb3)), QC);

    /** Every pinned vector by name, in file order. */
    static Map<String, byte[]> computed() {
        Map<String, byte[]> v = new LinkedHashMap<>();
        v.put("voteData", Canonical.encode(VOTE_DATA));
        v.put("genesisQc", Canonical.encode(GENESIS_QC));
        v.put("qc3Signers", Canonical.encode(QC));
        v.put("blockHeader", Canonical.encode(HEADER));
        v.put("blockId", Block.of(HEADER, PAYLOAD).id().bytes().toArray());
        v.put("payload2Txs", Canonical.encode(PAYLOAD));
        v.put("payload2TxsHash", PAYLOAD.hash().bytes().toArray());
        v.put("payloadEmpty", Canonical.encode(Payload.EMPTY));
        v.put("timeoutCert", Canonical.encode(TC));
        v.put("timeoutBody", Canonical.timeoutBody(9, 5));
        v.put("proposalBody", Canonical.proposalBody(filled(0x55)));
        v.put("signingBytesProposal", Canonical.signingBytes(Domain.PROPOSAL, SIGNING_CHAIN,
                Canonical.proposalBody(filled(0x55))));
        v.put("signingBytesVote", Canonical.signingBytes(Domain.VOTE, SIGNING_CHAIN, Canonical.encode(VOTE_DATA)));
        v.put("signingBytesTimeout", Canonical.signingBytes(Domain.TIMEOUT, SIGNING_CHAIN,
                Canonical.timeoutBody(9, 5)));
        v.put("genesisId4", Block.genesis(new ChainContext("keel-test", 0), 4).id().bytes().toArray());
        return v;
    }

    static Map<String, String> pinned() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = CanonicalVectorsTest.class.getResourceAsStream("/vectors/canonical.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                assertEquals(2, parts.length, "malformed vector line: " + l);
                assertNull(out.put(parts[0], parts[1]), "vector named twice: " + parts[0]);
            }
        }
        return out;
    }

    @Test
    void everyVectorMatchesTheCheckedInHex() throws IOException {
        Map<String, String> pinned = pinned();
        Map<String, byte[]> computed = computed();
        assertEquals(computed.keySet(), pinned.keySet(), "vector names in file and test differ");
        for (var e : computed.entrySet()) {
            assertEquals(pinned.get(e.getKey()), HEX.formatHex(e.getValue()),
                    "canonical encoding of " + e.getKey() + " moved: this is a hard fork");
        }
    }

    // ---- derived by hand from the spec: tag byte, big-endian fixed-width ints, u32-prefixed strings ----

    @Test
    void timeoutBodyIsTagThenRoundThenQcRound() {
        assertEquals("06" + "0000000000000001" + "0000000000000000", HEX.formatHex(Canonical.timeoutBody(1, 0)));
        assertEquals("06" + "0000000000000009" + "0000000000000005", HEX.formatHex(Canonical.timeoutBody(9, 5)));
    }

    @Test
    void proposalBodyIsTagThenBlockId() {
        assertEquals("07" + "55".repeat(32), HEX.formatHex(Canonical.proposalBody(filled(0x55))));
    }

    @Test
    void voteDataIsTagIdRoundHeightParentIdParentRound() {
        String expected = "04" + "11".repeat(32) + "0000000000000005" + "0000000000000004" + "22".repeat(32)
                + "0000000000000004";
        assertEquals(expected, HEX.formatHex(Canonical.encode(VOTE_DATA)));
    }

    @Test
    void genesisQcHasEmptyBitmapOfFourAndNoSignatures() {
        String voteData = "44".repeat(32) + "0000000000000000" + "0000000000000000" + "00".repeat(32)
                + "0000000000000000";
        String bitmap = "00000004" + "00"; // u32 size, then ceil(4/8) = 1 byte
        assertEquals("03" + voteData + bitmap + "00000000", HEX.formatHex(Canonical.encode(GENESIS_QC)));
    }

    @Test
    void qcListsBitmapThenCountThenSignaturesInSignerOrder() {
        String hex = HEX.formatHex(Canonical.encode(QC));
        String tail = "00000004" + "0b" // signers {0,1,3}: bits 0, 1 and 3 = 0b1011
                + "00000003" + "a0".repeat(64) + "a1".repeat(64) + "a3".repeat(64);
        assertTrue(hex.startsWith("03" + HEX.formatHex(Canonical.encode(VOTE_DATA)).substring(2)));
        assertTrue(hex.endsWith(tail), hex);
        assertEquals(1 + 88 + 5 + 4 + 3 * 64, Canonical.encode(QC).length);
    }

    @Test
    void payloadIsTagCountThenLengthPrefixedTxs() {
        String expected = "02" + "00000002" + "00000006" + HEX.formatHex("tx-one".getBytes(StandardCharsets.US_ASCII))
                + "00000003" + "000102";
        assertEquals(expected, HEX.formatHex(Canonical.encode(PAYLOAD)));
        assertEquals("02" + "00000000", HEX.formatHex(Canonical.encode(Payload.EMPTY)));
    }

    @Test
    void signingBytesAreDomainTagChainIdEpochThenBody() {
        String expected = "0000000c" + HEX.formatHex("keel/vote/v1".getBytes(StandardCharsets.US_ASCII))
                + "00000009" + HEX.formatHex("keel-test".getBytes(StandardCharsets.US_ASCII))
                + "0000000000000007" + "abcd";
        assertEquals(expected, HEX.formatHex(Canonical.signingBytes(Domain.VOTE, SIGNING_CHAIN, HEX.parseHex("abcd"))));
    }

    @Test
    void domainTagsAreFrozen() {
        assertEquals("keel/proposal/v1", Domain.PROPOSAL.tag());
        assertEquals("keel/vote/v1", Domain.VOTE.tag());
        assertEquals("keel/timeout/v1", Domain.TIMEOUT.tag());
    }

    @Test
    void blockHeaderLayoutMatchesTheSpec() {
        byte[] enc = Canonical.encode(HEADER);
        String hex = HEX.formatHex(enc);
        String qcBody = HEX.formatHex(Canonical.encode(QC)).substring(2); // without the QC tag
        String expected = "01" + "0000000000000000" + "0000000000000006" + "0000000000000005" + "11".repeat(32)
                + qcBody + "00000002" + "0000018bcfe56800" + PAYLOAD.hash().toHex() + "33".repeat(32);
        assertEquals(expected, hex);
    }

    @Test
    void blockIdIsSha256OfTheHeaderEncoding() throws Exception {
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        assertEquals(HEX.formatHex(sha.digest(Canonical.encode(HEADER))), Block.of(HEADER, PAYLOAD).id().toHex());
    }

    @Test
    void objectKindsNeverShareAnEncoding() {
        // The leading type tag separates kinds: a timeout body can never parse as a proposal body.
        assertNotEquals(Canonical.timeoutBody(1, 0)[0], Canonical.proposalBody(Hash.ZERO)[0]);
        assertNotEquals(Canonical.encode(VOTE_DATA)[0], Canonical.encode(QC)[0]);
        assertNotEquals(Canonical.encode(HEADER)[0], Canonical.encode(PAYLOAD)[0]);
        assertNotEquals(Canonical.encode(TC)[0], Canonical.encode(QC)[0]);
    }
}
