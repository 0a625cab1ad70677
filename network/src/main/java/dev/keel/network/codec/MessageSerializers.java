package dev.keel.network.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import dev.keel.network.NetworkLimits;
import java.util.ArrayList;
import java.util.List;

/** Serializers for the top-level messages, one per permitted subclass of {@code Message}. */
final class MessageSerializers {
    private MessageSerializers() {
    }

    static final class ProposalSerializer extends WireSerializer<Proposal> {
        @Override
        public void write(Kryo kryo, Output out, Proposal p) {
            kryo.writeObject(out, p.block());
            kryo.writeObject(out, p.signature());
            kryo.writeObject(out, p.sync());
        }

        @Override
        public Proposal read(Kryo kryo, Input in, Class<? extends Proposal> type) {
            Block block = kryo.readObject(in, Block.class);
            Signature sig = kryo.readObject(in, Signature.class);
            return new Proposal(block, sig, kryo.readObject(in, SyncInfo.class));
        }
    }

    static final class VoteMsgSerializer extends WireSerializer<VoteMsg> {
        @Override
        public void write(Kryo kryo, Output out, VoteMsg m) {
            kryo.writeObject(out, m.vote());
            kryo.writeObject(out, m.sync());
        }

        @Override
        public VoteMsg read(Kryo kryo, Input in, Class<? extends VoteMsg> type) {
            Vote vote = kryo.readObject(in, Vote.class);
            return new VoteMsg(vote, kryo.readObject(in, SyncInfo.class));
        }
    }

    static final class TimeoutMsgSerializer extends WireSerializer<TimeoutMsg> {
        @Override
        public void write(Kryo kryo, Output out, TimeoutMsg m) {
            kryo.writeObject(out, m.timeout());
            kryo.writeObject(out, m.sync());
        }

        @Override
        public TimeoutMsg read(Kryo kryo, Input in, Class<? extends TimeoutMsg> type) {
            Timeout timeout = kryo.readObject(in, Timeout.class);
            return new TimeoutMsg(timeout, kryo.readObject(in, SyncInfo.class));
        }
    }

    static final class BlockRequestSerializer extends WireSerializer<BlockRequest> {
        @Override
        public void write(Kryo kryo, Output out, BlockRequest r) {
            kryo.writeObject(out, r.blockId());
            out.writeVarInt(r.count(), true);
            out.writeVarLong(r.stopAboveHeight(), true);
        }

        @Override
        public BlockRequest read(Kryo kryo, Input in, Class<? extends BlockRequest> type) {
            Hash id = kryo.readObject(in, Hash.class);
            int count = WireReads.uInt(in, "block count");
            return new BlockRequest(id, count, WireReads.uLong(in, "stop height"));
        }
    }

    static final class BlockResponseSerializer extends WireSerializer<BlockResponse> {
        private final int maxBlocks;

        BlockResponseSerializer(NetworkLimits limits) {
            this.maxBlocks = limits.maxBlocksPerResponse();
        }

        @Override
        public void write(Kryo kryo, Output out, BlockResponse r) {
            kryo.writeObject(out, r.requestedId());
            out.writeVarInt(r.blocks().size(), true);
            for (Block b : r.blocks()) {
                kryo.writeObject(out, b);
            }
        }

        @Override
        public BlockResponse read(Kryo kryo, Input in, Class<? extends BlockResponse> type) {
            Hash id = kryo.readObject(in, Hash.class);
            int n = WireReads.count(in, maxBlocks, BlockSerializers.BlockSerializer.MIN_BYTES, "blocks");
            List<Block> blocks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                blocks.add(kryo.readObject(in, Block.class));
            }
            return new BlockResponse(id, blocks);
        }
    }

    /** Forwarded client transactions: a count, then each length-prefixed; both capped before allocation. */
    static final class TxBatchSerializer extends WireSerializer<TxBatch> {
        private final int maxTxBytes;

        TxBatchSerializer(NetworkLimits limits) {
            this.maxTxBytes = limits.maxTxBytes();
        }

        @Override
        public void write(Kryo kryo, Output out, TxBatch b) {
            out.writeVarInt(b.txs().size(), true);
            for (Bytes tx : b.txs()) {
                out.writeVarInt(tx.length(), true);
                out.writeBytes(tx.unsafeArray());
            }
        }

        @Override
        public TxBatch read(Kryo kryo, Input in, Class<? extends TxBatch> type) {
            int n = WireReads.count(in, TxBatch.MAX_TXS, 1, "transactions");
            List<Bytes> txs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                txs.add(Bytes.wrap(WireReads.bytes(in, maxTxBytes, "transaction bytes")));
            }
            return new TxBatch(txs);
        }
    }

    /** A checkpoint signature: number, digest, then exactly 65 signature bytes. */
    static final class CheckpointVoteSerializer extends WireSerializer<CheckpointVote> {
        @Override
        public void write(Kryo kryo, Output out, CheckpointVote v) {
            out.writeVarLong(v.number(), true);
            kryo.writeObject(out, v.digest());
            out.writeBytes(v.signature().unsafeArray());
        }

        @Override
        public CheckpointVote read(Kryo kryo, Input in, Class<? extends CheckpointVote> type) {
            long number = in.readVarLong(true);
            Hash digest = kryo.readObject(in, Hash.class);
            return new CheckpointVote(number, digest, Bytes.wrap(in.readBytes(CheckpointVote.SIGNATURE_BYTES)));
        }
    }
}
