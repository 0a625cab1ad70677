package dev.keel.consensus.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verification at the edge, in DESIGN.md's order: size → structure → sender in the set →
 * round window → dedup by (author, round, kind) → signature. Every drop is a typed
 * rejection, never an exception, and the gate's memory is bounded by its round window.
 */
class MessageGateTest {
    private static final TestChain T = TestChain.four();
    private static final int MAX_FUTURE = 10;
    private static final int MAX_TXS = 2;
    private static final long MAX_BYTES = 64;
    private static final Block B1 = T.child(T.genesis, 1);
    /** Round 1, nothing certified yet beyond genesis. */
    private static final ReplicaView AT_ROUND_1 = new ReplicaView(1, 0, 0, 0, 0);

    private MessageGate gate;

    @BeforeEach
    void setUp() {
        gate = newGate();
    }

    private static MessageGate newGate() {
        return new MessageGate(T.validators, T.chain, T.verifier(), T.leaders, MAX_FUTURE, MAX_TXS, MAX_BYTES);
    }

    private static VoteMsg voteMsg(Vote v) {
        return new VoteMsg(v, T.sync(T.genesisQc));
    }

    /** A vote by {@code author} for a made-up block of {@code round}: the gate checks only its signature. */
    private static VoteMsg voteAt(int author, long round) {
        return voteMsg(T.vote(author, new VoteData(Hash.of(new byte[] {(byte) round}), round, 1, T.genesis.id(), 0)));
    }

    private static Rejection rejected(Verdict v) {
        return assertInstanceOf(Verdict.Reject.class, v, () -> "expected a rejection, got " + v).reason();
    }

    private static void accepted(Verdict v) {
        assertInstanceOf(Verdict.Accept.class, v, () -> "expected acceptance, got " + v);
    }

    @Test
    void validVoteProposalAndTimeoutAreAccepted() {
        accepted(gate.check(voteMsg(T.vote(2, B1)), 2, AT_ROUND_1));
        accepted(gate.check(T.proposal(B1), 1, AT_ROUND_1));
        accepted(gate.check(new TimeoutMsg(T.timeout(3, 1, T.genesisQc), T.sync(T.genesisQc)), 3, AT_ROUND_1));
        Verdict.Accept a = (Verdict.Accept) gate.check(voteMsg(T.vote(3, B1)), 3, AT_ROUND_1);
        assertEquals(voteMsg(T.vote(3, B1)), a.message());
    }

    @Test
    void senderOutsideTheSetIsUnknownSender() {
        assertEquals(Rejection.UNKNOWN_SENDER, rejected(gate.check(voteMsg(T.vote(2, B1)), 4, AT_ROUND_1)));
        assertEquals(Rejection.UNKNOWN_SENDER, rejected(gate.check(voteMsg(T.vote(2, B1)), -1, AT_ROUND_1)));
    }

    @Test
    void authorOtherThanSenderIsRejected() {
        // A validator may relay nothing in its own name but its own messages.
        assertEquals(Rejection.AUTHOR_NOT_SENDER, rejected(gate.check(voteMsg(T.vote(2, B1)), 3, AT_ROUND_1)));
        assertEquals(Rejection.AUTHOR_NOT_SENDER, rejected(gate.check(T.proposal(B1), 0, AT_ROUND_1)));
    }

    @Test
    void roundBelowCurrentIsStale() {
        var atRound5 = new ReplicaView(5, 4, 0, 0, 0);
        assertEquals(Rejection.STALE_ROUND, rejected(gate.check(voteMsg(T.vote(2, B1)), 2, atRound5)));
        assertEquals(Rejection.STALE_ROUND, rejected(gate.check(T.proposal(B1), 1, atRound5)));
        assertEquals(Rejection.STALE_ROUND, rejected(gate.check(voteAt(2, 4), 2, atRound5)), "boundary: round - 1");
        accepted(gate.check(voteAt(2, 5), 2, atRound5));
    }

    @Test
    void roundBeyondCurrentPlusMaxFutureRoundsIsFuture() {
        assertEquals(Rejection.FUTURE_ROUND, rejected(gate.check(voteAt(2, 1 + MAX_FUTURE + 1), 2, AT_ROUND_1)));
        accepted(gate.check(voteAt(2, 1 + MAX_FUTURE), 2, AT_ROUND_1));
    }

    @Test
    void secondMessageOfSameAuthorRoundAndKindIsDuplicate() {
        accepted(gate.check(voteMsg(T.vote(2, B1)), 2, AT_ROUND_1));
        assertEquals(Rejection.DUPLICATE, rejected(gate.check(voteMsg(T.vote(2, B1)), 2, AT_ROUND_1)));
        // Keyed by (author, round, kind): another author, or another kind, is not a duplicate.
        accepted(gate.check(voteMsg(T.vote(3, B1)), 3, AT_ROUND_1));
        accepted(gate.check(new TimeoutMsg(T.timeout(2, 1, T.genesisQc), T.sync(T.genesisQc)), 2, AT_ROUND_1));
    }

    @Test
    void oneConflictingVotePassesSoTheCoreCanReportEquivocationButNoMore() {
        Block other = T.block(T.genesisQc, 1, T.leaders.leader(1), TestChain.payload("other"));
        Block third = T.block(T.genesisQc, 1, T.leaders.leader(1), TestChain.payload("third"));
        accepted(gate.check(voteMsg(T.vote(2, B1)), 2, AT_ROUND_1));
        accepted(gate.check(voteMsg(T.vote(2, other)), 2, AT_ROUND_1));
        assertEquals(Rejection.DUPLICATE, rejected(gate.check(voteMsg(T.vote(2, third)), 2, AT_ROUND_1)));
        assertEquals(Rejection.DUPLICATE, rejected(gate.check(voteMsg(T.vote(2, B1)), 2, AT_ROUND_1)));
        // Only votes: a second, different timeout from one author stays a duplicate.
        accepted(gate.check(new TimeoutMsg(T.timeout(3, 1, T.genesisQc), T.sync(T.genesisQc)), 3, AT_ROUND_1));
        assertEquals(Rejection.DUPLICATE, rejected(gate.check(
                new TimeoutMsg(T.timeout(3, 1, T.genesisQc), T.sync(T.genesisQc)), 3, AT_ROUND_1)));
    }

    @Test
    void rejectedMessageDoesNotBlockTheGenuineOne() {
        // A forged vote in someone's name must not use up their dedup slot.
        Vote genuine = T.vote(2, B1);
        Vote forged = new Vote(genuine.data(), 2, T.vote(3, B1).signature());
        assertEquals(Rejection.BAD_SIGNATURE, rejected(gate.check(voteMsg(forged), 2, AT_ROUND_1)));
        accepted(gate.check(voteMsg(genuine), 2, AT_ROUND_1));
    }

    @Test
    void badSignaturesAreRejected() {
        Vote forged = new Vote(B1.voteData(), 2, T.vote(3, B1).signature());
        assertEquals(Rejection.BAD_SIGNATURE, rejected(gate.check(voteMsg(forged), 2, AT_ROUND_1)));
        Timeout t = T.timeout(2, 1, T.genesisQc);
        Timeout badT = new Timeout(1, 2, T.genesisQc, T.timeout(3, 1, T.genesisQc).signature());
        assertEquals(Rejection.BAD_SIGNATURE,
                rejected(gate.check(new TimeoutMsg(badT, T.sync(T.genesisQc)), 2, AT_ROUND_1)));
        Proposal p = T.proposal(B1);
        Proposal badP = new Proposal(B1, t.signature(), p.sync());
        assertEquals(Rejection.BAD_SIGNATURE, rejected(gate.check(badP, 1, AT_ROUND_1)));
    }

    @Test
    void proposalFromNonLeaderIsRejected() {
        Block byTwo = T.block(T.genesisQc, 1, 2, Payload.EMPTY); // round 1 is led by validator 1
        assertEquals(Rejection.NOT_LEADER, rejected(gate.check(T.proposal(byTwo), 2, AT_ROUND_1)));
    }

    @Test
    void oversizedProposalIsRejected() {
        Block tooMany = T.block(T.genesisQc, 1, 1, TestChain.payload("a", "b", "c"));
        assertEquals(Rejection.OVERSIZED, rejected(gate.check(T.proposal(tooMany), 1, AT_ROUND_1)));
        Block tooBig = T.block(T.genesisQc, 1, 1, TestChain.payload("x".repeat((int) MAX_BYTES + 1)));
        assertEquals(Rejection.OVERSIZED, rejected(gate.check(T.proposal(tooBig), 1, AT_ROUND_1)));
    }

    @Test
    void proposalForAnotherEpochIsRejected() {
        var header = new BlockHeader(5, 1, 1, T.genesis.id(), T.genesisQc, 1, 0, Payload.EMPTY.hash(), Hash.ZERO);
        Block b = Block.of(header, Payload.EMPTY);
        assertEquals(Rejection.WRONG_EPOCH, rejected(gate.check(T.proposal(b), 1, AT_ROUND_1)));
    }

    @Test
    void forgedCertificateInsideAMessageIsBadCertificate() {
        QuorumCert qc1 = T.qc(B1);
        QuorumCert forged = new QuorumCert(qc1.data(), SignerBitmap.of(4, List.of(0, 1, 2)),
                List.of(qc1.signatures().get(0), qc1.signatures().get(0), qc1.signatures().get(0)));
        Block b2 = T.block(forged, 2);
        var atRound2 = new ReplicaView(2, 1, 0, 0, 0);
        assertEquals(Rejection.BAD_CERTIFICATE, rejected(gate.check(T.proposal(b2), 2, atRound2)));
        Timeout t = T.timeout(3, 2, forged);
        assertEquals(Rejection.BAD_CERTIFICATE,
                rejected(gate.check(new TimeoutMsg(t, T.sync(T.genesisQc)), 3, atRound2)));
    }

    @Test
    void farFutureMessageIsRejectedButItsVerifiedSyncInfoIsStillUseful() {
        // A lagging replica catches up from messages it cannot otherwise use (DESIGN.md: sync info).
        QuorumCert qc49 = T.qc(new VoteData(Hash.of(new byte[] {49}), 49, 20, Hash.of(new byte[] {48}), 48),
                T.quorumSigners());
        SyncInfo sync = new SyncInfo(qc49, T.genesisQc, Optional.empty());
        VoteMsg far = new VoteMsg(T.vote(2, new VoteData(Hash.of(new byte[] {50}), 50, 21, qc49.blockId(), 49)), sync);
        Verdict v = gate.check(far, 2, AT_ROUND_1);
        assertEquals(Rejection.FUTURE_ROUND, rejected(v));
        assertEquals(Optional.of(sync), v.usefulSync());
    }

    @Test
    void messageCarryingForgedSyncInfoIsRejectedWholeAndGivesNoSync() {
        // The replica acts on a message's sync info, so a forged certificate there taints the message.
        QuorumCert qc49 = T.qc(new VoteData(Hash.of(new byte[] {49}), 49, 20, Hash.of(new byte[] {48}), 48),
                List.of(0, 1)); // below quorum
        VoteMsg forged = new VoteMsg(voteAt(2, 1).vote(), new SyncInfo(qc49, T.genesisQc, Optional.empty()));
        Verdict v = gate.check(forged, 2, AT_ROUND_1);
        assertEquals(Rejection.BAD_CERTIFICATE, rejected(v));
        assertEquals(Optional.empty(), v.usefulSync());
        accepted(gate.check(voteAt(2, 1), 2, AT_ROUND_1)); // and it did not use up the author's dedup slot
    }

    @Test
    void syncInfoNoNewerThanTheReplicaIsNotUseful() {
        // Nothing newer than what the replica holds: not useful, and not even verified.
        assertEquals(Optional.empty(), gate.check(voteMsg(T.vote(2, B1)), 2, AT_ROUND_1).usefulSync());
    }

    @Test
    void blockResponseMustBeALinkedChainStartingAtTheRequestedId() {
        Block b2 = T.child(B1, 2);
        accepted(gate.check(new BlockResponse(b2.id(), List.of(b2, B1)), 0, AT_ROUND_1));
        accepted(gate.check(new BlockResponse(b2.id(), List.of()), 0, AT_ROUND_1));
        assertEquals(Rejection.MALFORMED, rejected(gate.check(new BlockResponse(B1.id(), List.of(b2)), 0, AT_ROUND_1)));
        Block g1 = T.child(T.genesis, 2);
        assertEquals(Rejection.MALFORMED,
                rejected(gate.check(new BlockResponse(b2.id(), List.of(b2, g1)), 0, AT_ROUND_1)));
        accepted(gate.check(new BlockRequest(b2.id(), 2, 0), 0, AT_ROUND_1));
    }

    /**
     * 100,000 hostile messages — random kinds, rounds, authors, senders and signatures, with
     * some genuine votes mixed in — while the replica's round moves on. Nothing throws, every
     * drop is typed, and the dedup window never outgrows rounds-in-window × validators × kinds.
     */
    @Test
    void floodNeverThrowsAndMemoryStaysBounded() {
        Random rnd = new Random(42);
        MessageGate g = newGate();
        List<VoteMsg> genuine = new ArrayList<>();
        for (int r = 1; r <= 120; r++) {
            for (int a = 0; a < T.n; a++) {
                genuine.add(voteAt(a, r));
            }
        }
        int bound = (MAX_FUTURE + 2) * T.n * 3;
        Map<Rejection, Integer> reasons = new EnumMap<>(Rejection.class);
        int accepts = 0;
        int maxDedup = 0;
        for (int i = 0; i < 100_000; i++) {
            long round = 1 + i / 1000;
            var view = new ReplicaView(round, round - 1, 0, 0, 0);
            Message m;
            int from;
            if (rnd.nextInt(20) == 0) {
                VoteMsg vm = genuine.get(rnd.nextInt(genuine.size()));
                m = vm;
                from = vm.vote().author();
            } else {
                m = hostile(rnd, round);
                from = rnd.nextInt(T.n + 2) - 1;
            }
            Verdict v = g.check(m, from, view);
            assertNotNull(v.usefulSync());
            if (v instanceof Verdict.Reject rej) {
                assertNotNull(rej.reason());
                reasons.merge(rej.reason(), 1, Integer::sum);
            } else {
                accepts++;
            }
            maxDedup = Math.max(maxDedup, g.dedupEntries());
            assertTrue(g.dedupEntries() <= bound, "dedup window holds " + g.dedupEntries() + " > " + bound);
        }
        assertTrue(accepts > 0, "genuine votes got through");
        assertTrue(maxDedup > 0);
        for (Rejection r : List.of(Rejection.UNKNOWN_SENDER, Rejection.AUTHOR_NOT_SENDER, Rejection.STALE_ROUND,
                Rejection.FUTURE_ROUND, Rejection.DUPLICATE, Rejection.BAD_SIGNATURE, Rejection.NOT_LEADER,
                Rejection.MALFORMED)) {
            assertTrue(reasons.getOrDefault(r, 0) > 0, "flood produced no " + r + ": " + reasons);
        }
    }

    private static Message hostile(Random rnd, long round) {
        long r = Math.max(1, round - 20 + rnd.nextInt(60));
        int author = rnd.nextInt(T.n + 1);
        byte[] sig = new byte[64];
        rnd.nextBytes(sig);
        if (rnd.nextInt(4) == 0) {
            sig[63] &= 0x0f; // S below 2^252: passes the canonical-S check, reaches the curve math
        }
        Signature s = new Signature(Bytes.wrap(sig));
        return switch (rnd.nextInt(5)) {
            case 0 -> new VoteMsg(new Vote(new VoteData(Hash.ZERO, r, 1, T.genesis.id(), 0), author, s),
                    T.sync(T.genesisQc));
            case 1 -> new TimeoutMsg(new Timeout(r, author, T.genesisQc, s), T.sync(T.genesisQc));
            case 2 -> new Proposal(T.block(T.genesisQc, r, author, Payload.EMPTY), s, T.sync(T.genesisQc));
            case 3 -> new BlockRequest(Hash.of(sig), 1 + rnd.nextInt(BlockRequest.MAX_COUNT), 0);
            default -> new BlockResponse(Hash.of(sig), List.of(B1));
        };
    }

    @Test
    void dedupWindowForgetsRoundsTheReplicaLeft() {
        for (int a = 0; a < T.n; a++) {
            accepted(gate.check(voteAt(a, 1), a, AT_ROUND_1));
        }
        assertEquals(T.n, gate.dedupEntries());
        gate.check(new BlockRequest(B1.id(), 1, 0), 0, new ReplicaView(10, 9, 0, 0, 0));
        assertEquals(0, gate.dedupEntries());
    }
}
