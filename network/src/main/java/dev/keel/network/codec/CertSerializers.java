package dev.keel.network.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serializers for certificates and the signed statements they aggregate. Signature lists carry
 * no count of their own: it is the signer bitmap's population count, so the two can never
 * disagree on the wire, and it is bounded by the bitmap size (itself at most max validators).
 */
final class CertSerializers {
    private CertSerializers() {
    }

    static final class QuorumCertSerializer extends WireSerializer<QuorumCert> {
        @Override
        public void write(Kryo kryo, Output out, QuorumCert qc) {
            kryo.writeObject(out, qc.data());
            kryo.writeObject(out, qc.signers());
            for (Signature s : qc.signatures()) {
                kryo.writeObject(out, s);
            }
        }

        @Override
        public QuorumCert read(Kryo kryo, Input in, Class<? extends QuorumCert> type) {
            VoteData data = kryo.readObject(in, VoteData.class);
            SignerBitmap signers = kryo.readObject(in, SignerBitmap.class);
            return new QuorumCert(data, signers, signatures(kryo, in, signers.count()));
        }
    }

    /** Round, signers, then per signer (ascending) its reported QC round and signature, then the highest QC. */
    static final class TimeoutCertSerializer extends WireSerializer<TimeoutCert> {
        @Override
        public void write(Kryo kryo, Output out, TimeoutCert tc) {
            out.writeVarLong(tc.round(), true);
            kryo.writeObject(out, tc.signers());
            for (int i = 0; i < tc.signatures().size(); i++) {
                out.writeVarLong(tc.highQcRounds().get(i), true);
                kryo.writeObject(out, tc.signatures().get(i));
            }
            kryo.writeObject(out, tc.highQc());
        }

        @Override
        public TimeoutCert read(Kryo kryo, Input in, Class<? extends TimeoutCert> type) {
            long round = WireReads.uLong(in, "TC round");
            SignerBitmap signers = kryo.readObject(in, SignerBitmap.class);
            int n = signers.count();
            requireRoom(in, n, 1 + Signature.LENGTH, "TC entries");
            List<Long> rounds = new ArrayList<>(n);
            List<Signature> sigs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rounds.add(WireReads.uLong(in, "reported QC round"));
                sigs.add(kryo.readObject(in, Signature.class));
            }
            QuorumCert highQc = kryo.readObject(in, QuorumCert.class);
            return new TimeoutCert(round, signers, rounds, sigs, highQc);
        }
    }

    /** Highest QC, highest commit QC, then a 0/1 flag and the TC if present. */
    static final class SyncInfoSerializer extends WireSerializer<SyncInfo> {
        @Override
        public void write(Kryo kryo, Output out, SyncInfo s) {
            kryo.writeObject(out, s.highQc());
            kryo.writeObject(out, s.highCommitQc());
            out.writeByte(s.highTc().isPresent() ? 1 : 0);
            s.highTc().ifPresent(tc -> kryo.writeObject(out, tc));
        }

        @Override
        public SyncInfo read(Kryo kryo, Input in, Class<? extends SyncInfo> type) {
            QuorumCert highQc = kryo.readObject(in, QuorumCert.class);
            QuorumCert commitQc = kryo.readObject(in, QuorumCert.class);
            Optional<TimeoutCert> tc = WireReads.flag(in, "TC present")
                    ? Optional.of(kryo.readObject(in, TimeoutCert.class)) : Optional.empty();
            return new SyncInfo(highQc, commitQc, tc);
        }
    }

    static final class VoteSerializer extends WireSerializer<Vote> {
        @Override
        public void write(Kryo kryo, Output out, Vote v) {
            kryo.writeObject(out, v.data());
            out.writeVarInt(v.author(), true);
            kryo.writeObject(out, v.signature());
        }

        @Override
        public Vote read(Kryo kryo, Input in, Class<? extends Vote> type) {
            VoteData data = kryo.readObject(in, VoteData.class);
            int author = WireReads.uInt(in, "author");
            return new Vote(data, author, kryo.readObject(in, Signature.class));
        }
    }

    static final class TimeoutSerializer extends WireSerializer<Timeout> {
        @Override
        public void write(Kryo kryo, Output out, Timeout t) {
            out.writeVarLong(t.round(), true);
            out.writeVarInt(t.author(), true);
            kryo.writeObject(out, t.highQc());
            kryo.writeObject(out, t.signature());
        }

        @Override
        public Timeout read(Kryo kryo, Input in, Class<? extends Timeout> type) {
            long round = WireReads.uLong(in, "timeout round");
            int author = WireReads.uInt(in, "author");
            QuorumCert qc = kryo.readObject(in, QuorumCert.class);
            return new Timeout(round, author, qc, kryo.readObject(in, Signature.class));
        }
    }

    private static List<Signature> signatures(Kryo kryo, Input in, int n) {
        requireRoom(in, n, Signature.LENGTH, "signatures");
        List<Signature> sigs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sigs.add(kryo.readObject(in, Signature.class));
        }
        return sigs;
    }

    /** The list is about to be sized to {@code n}: make sure the frame can actually hold it first. */
    private static void requireRoom(Input in, int n, int minBytesEach, String what) {
        if ((long) n * minBytesEach > WireReads.remaining(in)) {
            throw new WireViolation(DecodeException.Reason.TRUNCATED,
                    n + " " + what + " cannot fit in " + WireReads.remaining(in) + " bytes");
        }
    }
}
