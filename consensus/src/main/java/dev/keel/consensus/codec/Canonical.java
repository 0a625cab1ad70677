package dev.keel.consensus.codec;

import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.VoteData;

/**
 * The canonical byte encoding of everything that is hashed or signed — the one place it is
 * defined. It is a protocol constant: {@code CanonicalVectorsTest} pins it with checked-in
 * hex, and any change to this file that moves a vector is a hard fork.
 *
 * <p>Each hashed object starts with a one-byte type tag so two object kinds can never
 * share an encoding. Integers are big-endian fixed-width; variable data is u32-prefixed.
 */
public final class Canonical {
    static final int TAG_HEADER = 0x01;
    static final int TAG_PAYLOAD = 0x02;
    static final int TAG_QC = 0x03;
    static final int TAG_VOTE_DATA = 0x04;
    static final int TAG_TC = 0x05;
    static final int TAG_TIMEOUT = 0x06;
    static final int TAG_PROPOSAL = 0x07;

    private Canonical() {
    }

    /** The bytes a signature covers: domain tag, chain id, epoch, then the message body. */
    public static byte[] signingBytes(Domain domain, ChainContext chain, byte[] body) {
        return new CanonicalWriter(body.length + 96)
                .string(domain.tag()).string(chain.chainId()).u64(chain.epoch()).raw(body).toByteArray();
    }

    public static byte[] encode(BlockHeader h) {
        CanonicalWriter w = new CanonicalWriter(256).u8(TAG_HEADER)
                .u64(h.epoch()).u64(h.round()).u64(h.height()).fixed(h.parentId().bytes());
        writeQc(w, h.qc());
        return w.u32(h.author()).u64(h.timestampMillis())
                .fixed(h.payloadHash().bytes()).fixed(h.stateRoot().bytes()).toByteArray();
    }

    public static byte[] encode(Payload p) {
        CanonicalWriter w = new CanonicalWriter(16 + (int) Math.min(p.byteSize() + 4L * p.txs().size(), 1 << 20))
                .u8(TAG_PAYLOAD).u32(p.txs().size());
        for (Bytes tx : p.txs()) {
            w.bytes(tx);
        }
        return w.toByteArray();
    }

    public static byte[] encode(VoteData d) {
        CanonicalWriter w = new CanonicalWriter(96).u8(TAG_VOTE_DATA);
        writeVoteData(w, d);
        return w.toByteArray();
    }

    public static byte[] encode(QuorumCert qc) {
        CanonicalWriter w = new CanonicalWriter(128 + 64 * qc.signatures().size()).u8(TAG_QC);
        writeQc(w, qc);
        return w.toByteArray();
    }

    public static byte[] encode(TimeoutCert tc) {
        CanonicalWriter w = new CanonicalWriter(256 + 72 * tc.signatures().size()).u8(TAG_TC).u64(tc.round());
        writeBitmap(w, tc.signers());
        w.u32(tc.signatures().size());
        for (int i = 0; i < tc.signatures().size(); i++) {
            w.u64(tc.highQcRounds().get(i)).fixed(tc.signatures().get(i).bytes());
        }
        writeQc(w, tc.highQc());
        return w.toByteArray();
    }

    /** What a timeout signature covers (Jolteon): the round and the signer's highest QC round. */
    public static byte[] timeoutBody(long round, long highQcRound) {
        return new CanonicalWriter(17).u8(TAG_TIMEOUT).u64(round).u64(highQcRound).toByteArray();
    }

    /** What a proposal signature covers: the block id (which commits to everything else). */
    public static byte[] proposalBody(Hash blockId) {
        return new CanonicalWriter(33).u8(TAG_PROPOSAL).fixed(blockId.bytes()).toByteArray();
    }

    private static void writeVoteData(CanonicalWriter w, VoteData d) {
        w.fixed(d.blockId().bytes()).u64(d.round()).u64(d.height()).fixed(d.parentId().bytes()).u64(d.parentRound());
    }

    private static void writeQc(CanonicalWriter w, QuorumCert qc) {
        writeVoteData(w, qc.data());
        writeBitmap(w, qc.signers());
        w.u32(qc.signatures().size());
        for (var s : qc.signatures()) {
            w.fixed(s.bytes());
        }
    }

    private static void writeBitmap(CanonicalWriter w, SignerBitmap b) {
        w.u32(b.size()).fixed(b.bits());
    }
}
