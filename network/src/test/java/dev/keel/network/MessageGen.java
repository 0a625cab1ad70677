package dev.keel.network;

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
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
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
import java.util.Random;

/**
 * Random but structurally valid protocol values. Signatures are random bytes: the codec does
 * not verify them, so fake ones exercise it fully and keep generation cheap.
 */
public final class MessageGen {
    private MessageGen() {
    }

    public static Message message(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> proposal(r);
            case 1 -> voteMsg(r);
            case 2 -> timeoutMsg(r);
            case 3 -> blockRequest(r);
            case 4 -> txBatch(r);
            default -> blockResponse(r);
        };
    }

    /** One of each permitted kind, keyed by class, for exhaustiveness tests. */
    public static Message of(Class<?> kind, Random r) {
        if (kind == Proposal.class) {
            return proposal(r);
        } else if (kind == VoteMsg.class) {
            return voteMsg(r);
        } else if (kind == TimeoutMsg.class) {
            return timeoutMsg(r);
        } else if (kind == BlockRequest.class) {
            return blockRequest(r);
        } else if (kind == BlockResponse.class) {
            return blockResponse(r);
        } else if (kind == TxBatch.class) {
            return txBatch(r);
        } else if (kind == CheckpointVote.class) {
            return checkpointVote(r);
        }
        throw new AssertionError("no generator for " + kind);
    }

    public static CheckpointVote checkpointVote(Random r) {
        byte[] sig = new byte[CheckpointVote.SIGNATURE_BYTES];
        r.nextBytes(sig);
        return new CheckpointVote(1 + (r.nextLong() >>> 2), hash(r), Bytes.wrap(sig));
    }

    public static TxBatch txBatch(Random r) {
        List<Bytes> txs = new ArrayList<>();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            byte[] tx = new byte[1 + r.nextInt(300)];
            r.nextBytes(tx);
            txs.add(Bytes.wrap(tx));
        }
        return new TxBatch(txs);
    }

    public static Proposal proposal(Random r) {
        return new Proposal(block(r), signature(r), sync(r));
    }

    public static VoteMsg voteMsg(Random r) {
        return new VoteMsg(new Vote(voteData(r, round(r)), r.nextInt(100), signature(r)), sync(r));
    }

    public static TimeoutMsg timeoutMsg(Random r) {
        long round = 1 + round(r);
        return new TimeoutMsg(new Timeout(round, r.nextInt(100), qc(r, below(r, round)), signature(r)), sync(r));
    }

    public static BlockRequest blockRequest(Random r) {
        return new BlockRequest(hash(r), 1 + r.nextInt(BlockRequest.MAX_COUNT), Math.abs(r.nextLong() >> 8));
    }

    public static BlockResponse blockResponse(Random r) {
        List<Block> blocks = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            blocks.add(block(r));
        }
        return new BlockResponse(hash(r), blocks);
    }

    public static Block block(Random r) {
        if (r.nextInt(8) == 0) {
            return Block.genesis(new ChainContext("keel-test", r.nextInt(3)), 1 + r.nextInt(10));
        }
        long round = 1 + round(r);
        QuorumCert qc = qc(r, below(r, round));
        Payload payload = payload(r);
        BlockHeader h = new BlockHeader(r.nextInt(5), round, qc.data().height() + 1, qc.blockId(), qc,
                r.nextInt(100), r.nextLong() & Long.MAX_VALUE, payload.hash(), r.nextBoolean() ? Hash.ZERO : hash(r));
        return Block.of(h, payload);
    }

    public static Payload payload(Random r) {
        List<Bytes> txs = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            txs.add(bytes(r, r.nextInt(200)));
        }
        return new Payload(txs);
    }

    public static SyncInfo sync(Random r) {
        QuorumCert high = qc(r, round(r));
        QuorumCert commit = qc(r, high.round() == 0 ? 0 : (long) (r.nextDouble() * high.round()));
        return new SyncInfo(high, commit, r.nextBoolean() ? Optional.of(tc(r)) : Optional.empty());
    }

    public static TimeoutCert tc(Random r) {
        long round = 1 + round(r);
        int n = 1 + r.nextInt(10);
        SignerBitmap signers = bitmap(r, n);
        List<Long> rounds = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        long max = 0;
        for (int i = 0; i < signers.count(); i++) {
            long qr = below(r, round);
            rounds.add(qr);
            sigs.add(signature(r));
            max = Math.max(max, qr);
        }
        return new TimeoutCert(round, signers, rounds, sigs, qc(r, max));
    }

    public static QuorumCert qc(Random r, long round) {
        if (round == 0) {
            return QuorumCert.genesis(hash(r), 1 + r.nextInt(10));
        }
        int n = 1 + r.nextInt(r.nextInt(20) == 0 ? 1024 : 10);
        SignerBitmap signers = bitmap(r, n);
        List<Signature> sigs = new ArrayList<>();
        for (int i = 0; i < signers.count(); i++) {
            sigs.add(signature(r));
        }
        return new QuorumCert(voteData(r, round), signers, sigs);
    }

    public static VoteData voteData(Random r, long round) {
        if (round == 0) {
            return new VoteData(hash(r), 0, 0, Hash.ZERO, 0);
        }
        return new VoteData(hash(r), round, 1 + Math.abs(r.nextLong() >> 20), hash(r), below(r, round));
    }

    public static SignerBitmap bitmap(Random r, int n) {
        List<Integer> set = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (r.nextBoolean()) {
                set.add(i);
            }
        }
        return SignerBitmap.of(n, set);
    }

    public static Hash hash(Random r) {
        return new Hash(bytes(r, Hash.LENGTH));
    }

    public static Signature signature(Random r) {
        return new Signature(bytes(r, Signature.LENGTH));
    }

    public static Bytes bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.wrap(b);
    }

    /** Mostly small rounds (realistic), sometimes huge ones (varint edge cases). */
    static long round(Random r) {
        return r.nextInt(4) == 0 ? Math.abs(r.nextLong() >> 2) : r.nextInt(1000);
    }

    /** A round in {@code [0, round)}. */
    static long below(Random r, long round) {
        return (long) (r.nextDouble() * round) % round;
    }
}
