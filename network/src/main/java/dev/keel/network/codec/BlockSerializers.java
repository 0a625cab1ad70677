package dev.keel.network.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;

/** Serializers for blocks and their headers. */
final class BlockSerializers {
    private BlockSerializers() {
    }

    static final class BlockHeaderSerializer extends WireSerializer<BlockHeader> {
        @Override
        public void write(Kryo kryo, Output out, BlockHeader h) {
            out.writeVarLong(h.epoch(), true);
            out.writeVarLong(h.round(), true);
            out.writeVarLong(h.height(), true);
            kryo.writeObject(out, h.parentId());
            kryo.writeObject(out, h.qc());
            out.writeVarInt(h.author(), true);
            out.writeVarLong(h.timestampMillis(), true);
            kryo.writeObject(out, h.payloadHash());
            kryo.writeObject(out, h.stateRoot());
        }

        @Override
        public BlockHeader read(Kryo kryo, Input in, Class<? extends BlockHeader> type) {
            long epoch = WireReads.uLong(in, "epoch");
            long round = WireReads.uLong(in, "round");
            long height = WireReads.uLong(in, "height");
            Hash parent = kryo.readObject(in, Hash.class);
            QuorumCert qc = kryo.readObject(in, QuorumCert.class);
            int author = WireReads.uInt(in, "author");
            long timestamp = WireReads.uLong(in, "timestamp");
            Hash payloadHash = kryo.readObject(in, Hash.class);
            Hash stateRoot = kryo.readObject(in, Hash.class);
            return new BlockHeader(epoch, round, height, parent, qc, author, timestamp, payloadHash, stateRoot);
        }
    }

    /**
     * Header and payload only: the block id is the header's hash, so it is recomputed on
     * decode rather than trusted, and the {@link Block} constructor checks the payload hash.
     */
    static final class BlockSerializer extends WireSerializer<Block> {
        /** A lower bound on any encoded block, to bound block counts by the bytes remaining. */
        static final int MIN_BYTES = 3 * Hash.LENGTH + 8;

        @Override
        public void write(Kryo kryo, Output out, Block b) {
            kryo.writeObject(out, b.header());
            kryo.writeObject(out, b.payload());
        }

        @Override
        public Block read(Kryo kryo, Input in, Class<? extends Block> type) {
            BlockHeader header = kryo.readObject(in, BlockHeader.class);
            Payload payload = kryo.readObject(in, Payload.class);
            return Block.of(header, payload);
        }
    }
}
