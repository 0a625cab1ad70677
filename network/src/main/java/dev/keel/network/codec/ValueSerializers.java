package dev.keel.network.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.VoteData;
import dev.keel.network.NetworkLimits;
import java.util.ArrayList;
import java.util.List;

/** Serializers for the leaf value types: fixed-size byte values, bitmaps, vote data, payloads. */
final class ValueSerializers {
    private ValueSerializers() {
    }

    static final class HashSerializer extends WireSerializer<Hash> {
        @Override
        public void write(Kryo kryo, Output out, Hash h) {
            out.writeBytes(h.bytes().unsafeArray());
        }

        @Override
        public Hash read(Kryo kryo, Input in, Class<? extends Hash> type) {
            return new Hash(Bytes.wrap(WireReads.fixed(in, Hash.LENGTH, "hash")));
        }
    }

    static final class SignatureSerializer extends WireSerializer<Signature> {
        @Override
        public void write(Kryo kryo, Output out, Signature s) {
            out.writeBytes(s.bytes().unsafeArray());
        }

        @Override
        public Signature read(Kryo kryo, Input in, Class<? extends Signature> type) {
            return new Signature(Bytes.wrap(WireReads.fixed(in, Signature.LENGTH, "signature")));
        }
    }

    static final class PublicKeySerializer extends WireSerializer<PublicKey> {
        @Override
        public void write(Kryo kryo, Output out, PublicKey k) {
            out.writeBytes(k.bytes().unsafeArray());
        }

        @Override
        public PublicKey read(Kryo kryo, Input in, Class<? extends PublicKey> type) {
            return new PublicKey(Bytes.wrap(WireReads.fixed(in, PublicKey.LENGTH, "public key")));
        }
    }

    /** Size, then the {@code ceil(size/8)} bitmap bytes (their count follows from the size). */
    static final class SignerBitmapSerializer extends WireSerializer<SignerBitmap> {
        private final int maxValidators;

        SignerBitmapSerializer(NetworkLimits limits) {
            this.maxValidators = limits.maxValidators();
        }

        @Override
        public void write(Kryo kryo, Output out, SignerBitmap b) {
            out.writeVarInt(b.size(), true);
            out.writeBytes(b.bits().unsafeArray());
        }

        @Override
        public SignerBitmap read(Kryo kryo, Input in, Class<? extends SignerBitmap> type) {
            int size = WireReads.count(in, maxValidators, 0, "bitmap validators");
            byte[] bits = WireReads.fixed(in, (size + 7) / 8, "bitmap");
            return new SignerBitmap(size, Bytes.wrap(bits));
        }
    }

    static final class VoteDataSerializer extends WireSerializer<VoteData> {
        @Override
        public void write(Kryo kryo, Output out, VoteData d) {
            kryo.writeObject(out, d.blockId());
            out.writeVarLong(d.round(), true);
            out.writeVarLong(d.height(), true);
            kryo.writeObject(out, d.parentId());
            out.writeVarLong(d.parentRound(), true);
        }

        @Override
        public VoteData read(Kryo kryo, Input in, Class<? extends VoteData> type) {
            Hash blockId = kryo.readObject(in, Hash.class);
            long round = WireReads.uLong(in, "round");
            long height = WireReads.uLong(in, "height");
            Hash parentId = kryo.readObject(in, Hash.class);
            long parentRound = WireReads.uLong(in, "parent round");
            return new VoteData(blockId, round, height, parentId, parentRound);
        }
    }

    /** Transaction count, then each transaction length-prefixed; both bounded by the limits. */
    static final class PayloadSerializer extends WireSerializer<Payload> {
        private final int maxTxs;
        private final int maxTxBytes;

        PayloadSerializer(NetworkLimits limits) {
            this.maxTxs = limits.maxTxsPerBlock();
            this.maxTxBytes = limits.maxTxBytes();
        }

        @Override
        public void write(Kryo kryo, Output out, Payload p) {
            out.writeVarInt(p.txs().size(), true);
            for (Bytes tx : p.txs()) {
                out.writeVarInt(tx.length(), true);
                out.writeBytes(tx.unsafeArray());
            }
        }

        @Override
        public Payload read(Kryo kryo, Input in, Class<? extends Payload> type) {
            int n = WireReads.count(in, maxTxs, 1, "transactions");
            List<Bytes> txs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                txs.add(Bytes.wrap(WireReads.bytes(in, maxTxBytes, "transaction bytes")));
            }
            return new Payload(txs);
        }
    }
}
