package dev.keel.storage.codec;

import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.ValidatorSet;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import dev.keel.storage.TxLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The on-disk encoding of every stored value, format version {@value #FORMAT_VERSION}.
 *
 * <p>Why hand-written rather than Kryo: stored bytes must stay readable by every later
 * build, so their layout is part of the data-directory format and is spelled out here
 * field by field, not delegated to a library's serializer internals. The protocol records
 * validate themselves in their constructors, so a hand-written decoder gets that checking
 * for free by calling them, while Kryo would need one custom serializer per record anyway
 * (same code, plus its own unchecked exception model and buffering). It is ~200 lines and
 * adds no dependency to storage.
 *
 * <p>Layout of every value: {@code u8 kind | body | u32 CRC32C(kind|body)}. Integers are
 * big-endian fixed width; variable data is u32-length-prefixed. The CRC matters most for
 * the safety record: a flipped bit in {@code lastVotedRound} that decoded silently could
 * make a validator sign twice in one round. A block's id and payload hash are recomputed
 * by {@link Block}'s constructor on decode, which catches any header/payload mix-up too.
 */
public final class StorageCodec {
    /** Bumped whenever any layout below changes; stored in the data directory's metadata. */
    public static final int FORMAT_VERSION = 1;

    private static final int KIND_HEADER = 1;
    private static final int KIND_PAYLOAD = 2;
    private static final int KIND_QC = 3;
    private static final int KIND_SAFETY = 4;
    private static final int KIND_TX_LOCATION = 5;
    private static final int KIND_CHECKPOINT = 6;
    private static final int KIND_TC = 7;

    private StorageCodec() {
    }

    /** Reads a value's body; may throw the records' IllegalArgumentException on bad fields. */
    private interface Body<T> {
        T read(StorageReader r) throws CorruptDataException;
    }

    private static <T> T decode(byte[] value, int kind, String what, Body<T> body) throws CorruptDataException {
        StorageReader r = new StorageReader(value, kind, what);
        try {
            T out = body.read(r);
            r.finish();
            return out;
        } catch (IllegalArgumentException e) {
            // The protocol records reject impossible field values in their constructors.
            throw new CorruptDataException(what + ": " + e.getMessage(), e);
        } catch (CorruptDataException e) {
            throw new CorruptDataException(what + ": " + e.getMessage(), e);
        }
    }

    // ---- blocks ----

    public static byte[] encodeHeader(BlockHeader h) {
        StorageWriter w = new StorageWriter(KIND_HEADER, 256 + 64 * h.qc().signatures().size());
        w.i64(h.epoch()).i64(h.round()).i64(h.height()).fixed(h.parentId().bytes());
        writeQc(w, h.qc());
        return w.u32(h.author()).i64(h.timestampMillis()).fixed(h.payloadHash().bytes()).fixed(h.stateRoot().bytes()).seal();
    }

    public static BlockHeader decodeHeader(byte[] value) throws CorruptDataException {
        return decode(value, KIND_HEADER, "block header", StorageCodec::readHeader);
    }

    public static byte[] encodePayload(Payload p) {
        // Exact size (kind, count, length-prefixed txs, CRC) so sealing a large payload copies nothing.
        StorageWriter w = new StorageWriter(KIND_PAYLOAD, (int) Math.min(Integer.MAX_VALUE - 64L,
                9 + p.byteSize() + 4L * p.txs().size()));
        w.u32(p.txs().size());
        for (Bytes tx : p.txs()) {
            w.bytes(tx);
        }
        return w.seal();
    }

    public static Payload decodePayload(byte[] value) throws CorruptDataException {
        return decode(value, KIND_PAYLOAD, "payload", r -> {
            int n = r.count(4);
            List<Bytes> txs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                txs.add(r.bytes());
            }
            return new Payload(txs);
        });
    }

    /** Reassembles a block stored as header and payload under key {@code id}, checking both hashes. */
    public static Block decodeBlock(Hash id, byte[] header, byte[] payload) throws CorruptDataException {
        BlockHeader h = decodeHeader(header);
        Payload p = decodePayload(payload);
        try {
            return new Block(id, h, p);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("block " + id + ": " + e.getMessage(), e);
        }
    }

    // ---- certificates and the safety record ----

    public static byte[] encodeQc(QuorumCert qc) {
        StorageWriter w = new StorageWriter(KIND_QC, 128 + 64 * qc.signatures().size());
        writeQc(w, qc);
        return w.seal();
    }

    public static QuorumCert decodeQc(byte[] value) throws CorruptDataException {
        return decode(value, KIND_QC, "quorum certificate", StorageCodec::readQc);
    }

    public static byte[] encodeTc(TimeoutCert tc) {
        StorageWriter w = new StorageWriter(KIND_TC, 256 + 72 * tc.signatures().size());
        w.i64(tc.round()).u32(tc.signers().size()).fixed(tc.signers().bits()).u32(tc.signatures().size());
        for (int i = 0; i < tc.signatures().size(); i++) {
            w.i64(tc.highQcRounds().get(i)).fixed(tc.signatures().get(i).bytes());
        }
        writeQc(w, tc.highQc());
        return w.seal();
    }

    public static TimeoutCert decodeTc(byte[] value) throws CorruptDataException {
        return decode(value, KIND_TC, "timeout certificate", r -> {
            long round = r.i64();
            SignerBitmap signers = readBitmap(r);
            int n = r.count(8 + Signature.LENGTH);
            List<Long> qcRounds = new ArrayList<>(n);
            List<Signature> sigs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                qcRounds.add(r.i64());
                sigs.add(readSignature(r));
            }
            return new TimeoutCert(round, signers, qcRounds, sigs, readQc(r));
        });
    }

    public static byte[] encodeSafety(SafetyRecord s) {
        StorageWriter w = new StorageWriter(KIND_SAFETY, 512);
        w.i64(s.lastVotedRound()).i64(s.oneChainRound()).bool(s.lastVote().isPresent());
        s.lastVote().ifPresent(v -> {
            writeVoteData(w, v.data());
            w.u32(v.author()).fixed(v.signature().bytes());
        });
        w.bool(s.lastTimeout().isPresent());
        s.lastTimeout().ifPresent(t -> {
            w.i64(t.round()).u32(t.author());
            writeQc(w, t.highQc());
            w.fixed(t.signature().bytes());
        });
        return w.seal();
    }

    public static SafetyRecord decodeSafety(byte[] value) throws CorruptDataException {
        return decode(value, KIND_SAFETY, "safety record", r -> {
            long lastVoted = r.i64();
            long oneChain = r.i64();
            Optional<Vote> vote = Optional.empty();
            if (r.bool()) {
                vote = Optional.of(new Vote(readVoteData(r), r.i32(), readSignature(r)));
            }
            Optional<Timeout> timeout = Optional.empty();
            if (r.bool()) {
                timeout = Optional.of(new Timeout(r.i64(), r.i32(), readQc(r), readSignature(r)));
            }
            return new SafetyRecord(lastVoted, oneChain, vote, timeout);
        });
    }

    // ---- indexes and checkpoints ----

    public static byte[] encodeTxLocation(TxLocation loc) {
        return new StorageWriter(KIND_TX_LOCATION, 48).i64(loc.height()).u32(loc.index()).fixed(loc.blockId().bytes()).seal();
    }

    public static TxLocation decodeTxLocation(byte[] value) throws CorruptDataException {
        return decode(value, KIND_TX_LOCATION, "tx location", r -> new TxLocation(r.i64(), r.i32(), readHash(r)));
    }

    public static byte[] encodeCheckpoint(Bytes record) {
        return new StorageWriter(KIND_CHECKPOINT, record.length() + 8).bytes(record).seal();
    }

    public static Bytes decodeCheckpoint(byte[] value) throws CorruptDataException {
        return decode(value, KIND_CHECKPOINT, "checkpoint record", StorageReader::bytes);
    }

    // ---- shared pieces ----

    private static BlockHeader readHeader(StorageReader r) throws CorruptDataException {
        long epoch = r.i64();
        long round = r.i64();
        long height = r.i64();
        Hash parent = readHash(r);
        QuorumCert qc = readQc(r);
        return new BlockHeader(epoch, round, height, parent, qc, r.i32(), r.i64(), readHash(r), readHash(r));
    }

    private static void writeVoteData(StorageWriter w, VoteData d) {
        w.fixed(d.blockId().bytes()).i64(d.round()).i64(d.height()).fixed(d.parentId().bytes()).i64(d.parentRound());
    }

    private static VoteData readVoteData(StorageReader r) throws CorruptDataException {
        return new VoteData(readHash(r), r.i64(), r.i64(), readHash(r), r.i64());
    }

    private static void writeQc(StorageWriter w, QuorumCert qc) {
        writeVoteData(w, qc.data());
        w.u32(qc.signers().size()).fixed(qc.signers().bits()).u32(qc.signatures().size());
        for (Signature s : qc.signatures()) {
            w.fixed(s.bytes());
        }
    }

    private static QuorumCert readQc(StorageReader r) throws CorruptDataException {
        VoteData data = readVoteData(r);
        SignerBitmap signers = readBitmap(r);
        int n = r.count(Signature.LENGTH);
        List<Signature> sigs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sigs.add(readSignature(r));
        }
        return new QuorumCert(data, signers, sigs);
    }

    private static SignerBitmap readBitmap(StorageReader r) throws CorruptDataException {
        int size = r.i32();
        if (size < 0 || size > ValidatorSet.MAX_VALIDATORS) {
            throw new CorruptDataException("signer bitmap for " + size + " validators");
        }
        return new SignerBitmap(size, r.fixed((size + 7) / 8));
    }

    private static Hash readHash(StorageReader r) throws CorruptDataException {
        return new Hash(r.fixed(Hash.LENGTH));
    }

    private static Signature readSignature(StorageReader r) throws CorruptDataException {
        return new Signature(r.fixed(Signature.LENGTH));
    }
}
