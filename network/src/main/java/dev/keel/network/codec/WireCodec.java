package dev.keel.network.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import dev.keel.network.NetworkLimits;
import dev.keel.network.codec.DecodeException.Reason;
import java.util.Map;

/**
 * The wire codec for validator messages: Kryo with registration required, an explicit id per
 * type, and a hand-written serializer per type (no reflection, no generic field serializer,
 * so the wire format is exactly what these files say and no class name ever travels).
 *
 * <p>A message is {@code varint(type id)} followed by its fields. The type id is read by this
 * class, not by Kryo's class resolver: Kryo would accept an unregistered "class by name" tag and
 * read an attacker-sized string for it. Only the message ids are accepted at the top.
 *
 * <p>{@link #decode} throws nothing but {@link DecodeException}, whatever the input. It is
 * thread-safe: Kryo instances are not, so each call borrows one from a pool.
 *
 * <p>The ids below are a protocol constant. Never renumber one; add new types with new ids.
 */
public final class WireCodec {
    static final int ID_PROPOSAL = 100;
    static final int ID_VOTE_MSG = 101;
    static final int ID_TIMEOUT_MSG = 102;
    static final int ID_BLOCK_REQUEST = 103;
    static final int ID_BLOCK_RESPONSE = 104;
    static final int ID_TX_BATCH = 105;
    static final int ID_CHECKPOINT_VOTE = 106;

    private static final Map<Integer, Class<? extends Message>> MESSAGE_TYPES = Map.of(
            ID_PROPOSAL, Proposal.class, ID_VOTE_MSG, VoteMsg.class, ID_TIMEOUT_MSG, TimeoutMsg.class,
            ID_BLOCK_REQUEST, BlockRequest.class, ID_BLOCK_RESPONSE, BlockResponse.class, ID_TX_BATCH, TxBatch.class,
            ID_CHECKPOINT_VOTE, CheckpointVote.class);
    /** Our object graphs are at most ~6 deep; anything deeper is a bug, not a message. */
    private static final int MAX_DEPTH = 16;
    private static final int POOL_SIZE = 32;

    private final NetworkLimits limits;
    private final Pool<Kryo> pool;

    public WireCodec(NetworkLimits limits) {
        this.limits = limits;
        this.pool = new Pool<>(true, false, POOL_SIZE) {
            @Override
            protected Kryo create() {
                return newKryo(limits);
            }
        };
    }

    public NetworkLimits limits() {
        return limits;
    }

    /**
     * Encodes a message we built ourselves.
     *
     * @throws IllegalArgumentException if it exceeds {@link NetworkLimits#maxMessageBytes()}: no peer
     *                                  would accept it (e.g. a block response with too many blocks)
     */
    public byte[] encode(Message m) {
        Kryo kryo = pool.obtain();
        try {
            Output out = new Output(512, limits.maxMessageBytes());
            out.writeVarInt(messageId(m), true);
            kryo.writeObject(out, m);
            byte[] bytes = out.toBytes();
            pool.free(kryo);
            return bytes;
        } catch (KryoException e) {
            throw new IllegalArgumentException(m.getClass().getSimpleName() + " does not fit in "
                    + limits.maxMessageBytes() + " bytes: " + e.getMessage(), e);
        }
    }

    /** Decodes one message that must span exactly {@code frame}. */
    public Message decode(byte[] frame) throws DecodeException {
        if (frame.length > limits.maxMessageBytes()) {
            throw new DecodeException(Reason.OVER_LIMIT, frame.length + " bytes above " + limits.maxMessageBytes());
        }
        Kryo kryo = pool.obtain();
        try {
            Message m = read(kryo, new Input(frame));
            pool.free(kryo); // only a Kryo that finished cleanly goes back to the pool
            return m;
        } catch (DecodeException e) {
            throw e;
        } catch (WireViolation e) {
            throw new DecodeException(e.reason(), e.getMessage());
        } catch (KryoException e) {
            throw fromKryo(e);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(Reason.INVALID_VALUE, e.getMessage());
        } catch (RuntimeException e) {
            // Belt and braces: whatever else a hostile frame provokes stays a typed rejection.
            throw new DecodeException(Reason.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Message read(Kryo kryo, Input in) throws DecodeException {
        int id = in.readVarInt(true);
        Class<? extends Message> type = MESSAGE_TYPES.get(id);
        if (type == null) {
            throw new DecodeException(Reason.UNKNOWN_TYPE, "type id " + id);
        }
        Message m = kryo.readObject(in, type);
        int left = in.limit() - in.position();
        if (left != 0) {
            throw new DecodeException(Reason.TRAILING_BYTES, left + " bytes after " + type.getSimpleName());
        }
        return m;
    }

    /** Kryo wraps exceptions thrown by our serializers; unwrap to keep their reason. */
    private static DecodeException fromKryo(KryoException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof WireViolation v) {
                return new DecodeException(v.reason(), v.getMessage());
            }
            if (t instanceof IllegalArgumentException) {
                return new DecodeException(Reason.INVALID_VALUE, t.getMessage());
            }
        }
        String msg = String.valueOf(e.getMessage());
        return new DecodeException(msg.contains("underflow") ? Reason.TRUNCATED : Reason.MALFORMED, msg);
    }

    static int messageId(Message m) {
        if (m instanceof Proposal) {
            return ID_PROPOSAL;
        } else if (m instanceof VoteMsg) {
            return ID_VOTE_MSG;
        } else if (m instanceof TimeoutMsg) {
            return ID_TIMEOUT_MSG;
        } else if (m instanceof BlockRequest) {
            return ID_BLOCK_REQUEST;
        } else if (m instanceof BlockResponse) {
            return ID_BLOCK_RESPONSE;
        } else if (m instanceof TxBatch) {
            return ID_TX_BATCH;
        } else if (m instanceof CheckpointVote) {
            return ID_CHECKPOINT_VOTE;
        }
        throw new AssertionError("unhandled message type " + m.getClass());
    }

    private static Kryo newKryo(NetworkLimits limits) {
        Kryo k = new Kryo();
        k.setRegistrationRequired(true);
        k.setReferences(false);
        k.setMaxDepth(MAX_DEPTH);
        k.register(Proposal.class, new MessageSerializers.ProposalSerializer(), ID_PROPOSAL);
        k.register(VoteMsg.class, new MessageSerializers.VoteMsgSerializer(), ID_VOTE_MSG);
        k.register(TimeoutMsg.class, new MessageSerializers.TimeoutMsgSerializer(), ID_TIMEOUT_MSG);
        k.register(BlockRequest.class, new MessageSerializers.BlockRequestSerializer(), ID_BLOCK_REQUEST);
        k.register(BlockResponse.class, new MessageSerializers.BlockResponseSerializer(limits), ID_BLOCK_RESPONSE);
        k.register(TxBatch.class, new MessageSerializers.TxBatchSerializer(limits), ID_TX_BATCH);
        k.register(CheckpointVote.class, new MessageSerializers.CheckpointVoteSerializer(), ID_CHECKPOINT_VOTE);
        k.register(Hash.class, new ValueSerializers.HashSerializer(), 120);
        k.register(Signature.class, new ValueSerializers.SignatureSerializer(), 121);
        k.register(PublicKey.class, new ValueSerializers.PublicKeySerializer(), 122);
        k.register(SignerBitmap.class, new ValueSerializers.SignerBitmapSerializer(limits), 123);
        k.register(VoteData.class, new ValueSerializers.VoteDataSerializer(), 124);
        k.register(Payload.class, new ValueSerializers.PayloadSerializer(limits), 125);
        k.register(QuorumCert.class, new CertSerializers.QuorumCertSerializer(), 126);
        k.register(TimeoutCert.class, new CertSerializers.TimeoutCertSerializer(), 127);
        k.register(SyncInfo.class, new CertSerializers.SyncInfoSerializer(), 128);
        k.register(Vote.class, new CertSerializers.VoteSerializer(), 129);
        k.register(Timeout.class, new CertSerializers.TimeoutSerializer(), 130);
        k.register(BlockHeader.class, new BlockSerializers.BlockHeaderSerializer(), 131);
        k.register(Block.class, new BlockSerializers.BlockSerializer(), 132);
        return k;
    }
}
