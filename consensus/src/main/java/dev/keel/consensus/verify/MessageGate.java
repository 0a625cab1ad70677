package dev.keel.consensus.verify;

import dev.keel.consensus.liveness.LeaderElection;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.ValidatorSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verification at the edge, in the order DESIGN.md fixes so that cheap checks shed load
 * before expensive ones: structure → sender in the set → round window → dedup by
 * (author, round, kind) → signature. Only what passes reaches the core. State is bounded:
 * the dedup window holds at most validators × kinds entries per round in the window.
 *
 * <p>One exception to the dedup: a second vote by an author in a round whose data differs from
 * the first is let through once (its signature is checked like any other), so the core's vote
 * collector can report the pair as evidence of equivocation. A third is a duplicate again:
 * at most two signature checks per author, round and kind.
 */
public final class MessageGate {
    private enum Kind { PROPOSAL, VOTE, TIMEOUT }

    private record SeenKey(int author, Kind kind) {
    }

    /** The verdict on a message's sync info: forged, or the useful (verified, new) part if any. */
    private record SyncCheck(boolean forged, Optional<SyncInfo> useful) {
        static final SyncCheck NOTHING_NEW = new SyncCheck(false, Optional.empty());
        static final SyncCheck FORGED = new SyncCheck(true, Optional.empty());
    }

    private final ValidatorSet validators;
    private final ChainContext chain;
    private final CertificateVerifier verifier;
    private final LeaderElection leaders;
    private final int maxFutureRounds;
    private final int maxBlockTxs;
    private final long maxBlockBytes;
    /** Per round: for each key, the first vote's data (votes) or {@link #SEEN} (other kinds, or after a second vote). */
    private final TreeMap<Long, Map<SeenKey, Object>> seen = new TreeMap<>();
    private static final Object SEEN = new Object();

    public MessageGate(ValidatorSet validators, ChainContext chain, CertificateVerifier verifier,
                       LeaderElection leaders, int maxFutureRounds, int maxBlockTxs, long maxBlockBytes) {
        this.validators = validators;
        this.chain = chain;
        this.verifier = verifier;
        this.leaders = leaders;
        this.maxFutureRounds = maxFutureRounds;
        this.maxBlockTxs = maxBlockTxs;
        this.maxBlockBytes = maxBlockBytes;
    }

    public Verdict check(Message msg, int from, ReplicaView view) {
        seen.headMap(view.round() - 1).clear();
        if (!validators.contains(from)) {
            return new Verdict.Reject(Rejection.UNKNOWN_SENDER, Optional.empty());
        }
        if (msg instanceof Proposal p) {
            return checkProposal(p, from, view);
        } else if (msg instanceof VoteMsg v) {
            SyncCheck check = checkSync(v.sync(), view);
            if (check.forged()) {
                return new Verdict.Reject(Rejection.BAD_CERTIFICATE, Optional.empty());
            }
            Optional<SyncInfo> sync = check.useful();
            Rejection r = precheck(v.vote().author(), from, v.round(), Kind.VOTE, v.vote().data(), view);
            if (r == null && !verifier.verify(v.vote())) {
                r = Rejection.BAD_SIGNATURE;
            }
            return finish(msg, r, sync, v.vote().author(), v.round(), Kind.VOTE, v.vote().data());
        } else if (msg instanceof TimeoutMsg t) {
            SyncCheck check = checkSync(t.sync(), view);
            if (check.forged()) {
                return new Verdict.Reject(Rejection.BAD_CERTIFICATE, Optional.empty());
            }
            Optional<SyncInfo> sync = check.useful();
            Rejection r = precheck(t.timeout().author(), from, t.round(), Kind.TIMEOUT, SEEN, view);
            if (r == null && !verifier.verifySignature(t.timeout())) {
                r = Rejection.BAD_SIGNATURE;
            } else if (r == null && !verifier.verify(t.timeout().highQc())) {
                r = Rejection.BAD_CERTIFICATE;
            }
            return finish(msg, r, sync, t.timeout().author(), t.round(), Kind.TIMEOUT, SEEN);
        } else if (msg instanceof BlockRequest || msg instanceof TxBatch || msg instanceof CheckpointVote) {
            // None touches the replica: a request is served from storage, a tx batch goes to the
            // mempool (whose application check is the verification), a checkpoint vote to the
            // aggregator (which recovers its secp256k1 signer).
            return new Verdict.Accept(msg, Optional.empty());
        } else if (msg instanceof BlockResponse resp) {
            Rejection r = checkResponse(resp);
            return r == null ? new Verdict.Accept(msg, Optional.empty()) : new Verdict.Reject(r, Optional.empty());
        }
        throw new AssertionError("unhandled message type " + msg.getClass());
    }

    private Verdict checkProposal(Proposal p, int from, ReplicaView view) {
        SyncCheck check = checkSync(p.sync(), view);
        if (check.forged()) {
            return new Verdict.Reject(Rejection.BAD_CERTIFICATE, Optional.empty());
        }
        Optional<SyncInfo> sync = check.useful();
        Block b = p.block();
        Rejection r = precheck(b.author(), from, b.round(), Kind.PROPOSAL, SEEN, view);
        if (r == null && b.header().epoch() != chain.epoch()) {
            r = Rejection.WRONG_EPOCH;
        } else if (r == null && leaders.leader(b.round()) != b.author()) {
            r = Rejection.NOT_LEADER;
        } else if (r == null && (b.payload().txs().size() > maxBlockTxs || b.payload().byteSize() > maxBlockBytes)) {
            r = Rejection.OVERSIZED;
        } else if (r == null && !verifier.verifySignature(p)) {
            r = Rejection.BAD_SIGNATURE;
        } else if (r == null && !verifier.verify(b.qc())) {
            r = Rejection.BAD_CERTIFICATE;
        }
        return finish(p, r, sync, b.author(), b.round(), Kind.PROPOSAL, SEEN);
    }

    /** Sender, round window and dedup: everything decided before a signature is checked. */
    private Rejection precheck(int author, int from, long round, Kind kind, Object content, ReplicaView view) {
        if (author != from) {
            return Rejection.AUTHOR_NOT_SENDER;
        }
        long effectiveRound = Math.max(view.round(), nextRoundOf(view));
        if (round < view.round()) {
            return Rejection.STALE_ROUND;
        }
        if (round > effectiveRound + maxFutureRounds) {
            return Rejection.FUTURE_ROUND;
        }
        Map<SeenKey, Object> s = seen.get(round);
        Object first = s == null ? null : s.get(new SeenKey(author, kind));
        if (first != null && (first == SEEN || first.equals(content))) {
            return Rejection.DUPLICATE;
        }
        return null;
    }

    /** How many (author, round, kind) keys the dedup window holds: bounded by the round window. */
    public int dedupEntries() {
        int total = 0;
        for (Map<SeenKey, Object> s : seen.values()) {
            total += s.size();
        }
        return total;
    }

    private static long nextRoundOf(ReplicaView view) {
        return Math.max(view.highQcRound(), view.highTcRound()) + 1;
    }

    private Verdict finish(Message msg, Rejection r, Optional<SyncInfo> sync, int author, long round, Kind kind,
                           Object content) {
        if (r != null) {
            return new Verdict.Reject(r, sync);
        }
        // A key already present means this is the one conflicting vote let through: none after it.
        seen.computeIfAbsent(round, x -> new HashMap<>()).merge(new SeenKey(author, kind), content, (old, now) -> SEEN);
        return new Verdict.Accept(msg, sync);
    }

    /**
     * The sender's sync info if any part of it is ahead of this replica, with those parts
     * verified; forged when a new part fails verification — the replica processes a
     * message's sync info, so a message carrying a forged certificate is rejected whole.
     * Parts at or below what the replica holds are not verified: the replica ignores them.
     */
    private SyncCheck checkSync(SyncInfo s, ReplicaView view) {
        boolean newQc = s.highQc().round() > view.highQcRound();
        boolean newCommit = s.highCommitQc().round() > view.highCommitQcRound();
        boolean newTc = s.highTc().isPresent() && s.highTc().get().round() > view.highTcRound();
        if (!newQc && !newCommit && !newTc) {
            return SyncCheck.NOTHING_NEW;
        }
        if ((newQc && !verifier.verify(s.highQc()))
                || (newCommit && (!s.highCommitQc().data().commitsParent() || !verifier.verify(s.highCommitQc())))
                || (newTc && !verifier.verify(s.highTc().get()))) {
            return SyncCheck.FORGED;
        }
        return new SyncCheck(false, Optional.of(s));
    }

    /** A response must be one linked chain, newest first, each block's QC valid. */
    private Rejection checkResponse(BlockResponse resp) {
        var blocks = resp.blocks();
        if (!blocks.isEmpty() && !blocks.get(0).id().equals(resp.requestedId())) {
            return Rejection.MALFORMED;
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.header().epoch() != chain.epoch()) {
                return Rejection.WRONG_EPOCH;
            }
            if (i + 1 < blocks.size() && !b.parentId().equals(blocks.get(i + 1).id())) {
                return Rejection.MALFORMED;
            }
            if (b.payload().txs().size() > maxBlockTxs || b.payload().byteSize() > maxBlockBytes) {
                return Rejection.OVERSIZED;
            }
            if (!verifier.verify(b.qc())) {
                return Rejection.BAD_CERTIFICATE;
            }
        }
        return null;
    }
}
