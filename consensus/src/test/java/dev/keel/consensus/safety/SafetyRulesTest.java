package dev.keel.consensus.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.safety.SafetyRules.Decision;
import dev.keel.consensus.safety.SafetyRules.Refused;
import dev.keel.consensus.safety.SafetyRules.Repeated;
import dev.keel.consensus.safety.SafetyRules.Signed;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.verify.CertificateVerifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One test per 2-chain rule (Jolteon / DiemBFT v4, as in Aptos safety-rules). The chain used:
 * genesis ← b1 (r1) ← b2 (r2), with QCs qc1, qc2 signed by a quorum of the four validators.
 */
class SafetyRulesTest {
    private static final TestChain T = TestChain.four();
    private static final int SELF = 0;
    private static final List<Block> CHAIN = T.straightChain(2);
    private static final Block B1 = CHAIN.get(0);
    private static final Block B2 = CHAIN.get(1);
    private static final QuorumCert QC1 = T.qc(B1);
    private static final QuorumCert QC2 = T.qc(B2);

    private static SafetyRules rules() {
        return rules(SafetyRecord.INITIAL, false);
    }

    private static SafetyRules rules(SafetyRecord record, boolean skipLockCheck) {
        return new SafetyRules(T.signer(SELF), SELF, record, skipLockCheck);
    }

    @SuppressWarnings("unchecked")
    private static <V> V signed(Decision<V> d) {
        return ((Signed<V>) assertInstanceOf(Signed.class, d, () -> "expected a signature, got " + d)).value();
    }

    private static void refused(SafetyRejection reason, Decision<?> d) {
        assertEquals(new Refused<>(reason), d);
    }

    // ---- vote rule 1: round strictly above the last voted round ----

    @Test
    void voteRefusedWhenRoundNotAboveLastVotedRound() {
        var rules = rules(new SafetyRecord(2, 0, Optional.empty(), Optional.empty()), false);
        refused(SafetyRejection.ROUND_NOT_NEWER, rules.vote(B2, Optional.empty())); // round == last voted
        refused(SafetyRejection.ROUND_NOT_NEWER, rules.vote(B1, Optional.empty())); // round below
        assertEquals(2, rules.record().lastVotedRound());
    }

    @Test
    void secondBlockInTheSameRoundIsRefused() {
        // No two votes in one round: a leader's equivocating sibling gets nothing.
        var rules = rules();
        signed(rules.vote(B1, Optional.empty()));
        Block sibling = T.block(T.genesisQc, 1, 1, TestChain.payload("other"));
        refused(SafetyRejection.ROUND_NOT_NEWER, rules.vote(sibling, Optional.empty()));
    }

    // ---- vote rule 2: the 2-chain lock ----

    @Test
    void voteAcceptedWhenRoundFollowsItsQc() {
        var rules = rules();
        Vote v = signed(rules.vote(B1, Optional.empty()));
        assertEquals(B1.voteData(), v.data());
        assertEquals(SELF, v.author());
        CertificateVerifier verifier = T.verifier();
        assertTrue(verifier.verify(v), "the vote is signed by this validator over VOTE-domain bytes");
        Vote v2 = signed(rules.vote(B2, Optional.empty()));
        assertEquals(2, v2.round());
    }

    @Test
    void voteRefusedWhenRoundSkipsAheadOfQcWithoutTc() {
        Block b3 = T.block(QC1, 3); // round 3 on a QC of round 1, nothing justifies skipping round 2
        refused(SafetyRejection.NOT_SAFE_TO_EXTEND, rules().vote(b3, Optional.empty()));
    }

    @Test
    void voteAcceptedViaTcWhenRoundFollowsTcAndQcIsAtLeastTcHighQc() {
        Block b3 = T.block(QC1, 3);
        TimeoutCert tc2 = T.tc(2, QC1); // round 2 timed out, highest QC anyone reported is QC1
        Vote v = signed(rules().vote(b3, Optional.of(tc2)));
        assertEquals(3, v.round());
    }

    @Test
    void voteRefusedViaTcWhenQcIsBelowTcHighQc() {
        // TC of round 3 reports QC2: a block of round 4 must extend at least QC2, b4 only extends QC1.
        Block b4 = T.block(QC1, 4);
        TimeoutCert tc3 = T.tc(3, List.of(QC1, QC2, QC1));
        assertEquals(2, tc3.highQcRound());
        refused(SafetyRejection.NOT_SAFE_TO_EXTEND, rules().vote(b4, Optional.of(tc3)));
    }

    @Test
    void voteRefusedWhenTcIsNotForThePreviousRound() {
        Block b4 = T.block(QC1, 4);
        refused(SafetyRejection.NOT_SAFE_TO_EXTEND, rules().vote(b4, Optional.of(T.tc(2, QC1))));
    }

    @Test
    void skipLockCheckSignsWhatTheLockRefuses() {
        Block b4 = T.block(QC1, 4);
        Optional<TimeoutCert> tc3 = Optional.of(T.tc(3, List.of(QC1, QC2, QC1)));
        refused(SafetyRejection.NOT_SAFE_TO_EXTEND, rules(SafetyRecord.INITIAL, false).vote(b4, tc3));
        Vote v = signed(rules(SafetyRecord.INITIAL, true).vote(b4, tc3));
        assertEquals(4, v.round());
        // The sabotage removes only the lock: rule 1 still holds.
        var sabotaged = rules(new SafetyRecord(4, 0, Optional.empty(), Optional.empty()), true);
        refused(SafetyRejection.ROUND_NOT_NEWER, sabotaged.vote(b4, tc3));
    }

    @Test
    void predicatesMatchTheRuleText() {
        assertTrue(SafetyRules.isNewerRound(3, 2));
        assertFalse(SafetyRules.isNewerRound(2, 2));
        assertTrue(SafetyRules.isSafeToExtend(2, QC1, Optional.empty()));
        assertFalse(SafetyRules.isSafeToExtend(3, QC1, Optional.empty()));
        assertTrue(SafetyRules.isSafeToExtend(3, QC1, Optional.of(T.tc(2, QC1))));
        assertTrue(SafetyRules.isSafeToExtend(3, QC2, Optional.of(T.tc(2, QC1)))); // qc above tc's highQc is fine
        assertFalse(SafetyRules.isSafeToExtend(4, QC1, Optional.of(T.tc(3, QC2))));
    }

    // ---- re-sending and the record ----

    @Test
    void repeatedRequestForSameBlockReturnsIdenticalVoteAndKeepsRecord() {
        // Asked again in the same round, re-send the stored vote (DESIGN.md): never sign anew.
        var rules = rules();
        Vote first = signed(rules.vote(B1, Optional.empty()));
        SafetyRecord after = rules.record();
        Decision<Vote> again = rules.vote(B1, Optional.empty());
        Repeated<?> r = assertInstanceOf(Repeated.class, again);
        assertSame(first, r.value());
        assertSame(after, rules.record());
    }

    @Test
    void voteUpdatesLastVotedRoundAndOneChainRound() {
        var rules = rules();
        Vote v1 = signed(rules.vote(B1, Optional.empty()));
        assertEquals(new SafetyRecord(1, 0, Optional.of(v1), Optional.empty()), rules.record());
        Block b3 = T.block(QC2, 3);
        Vote v3 = signed(rules.vote(b3, Optional.empty()));
        assertEquals(new SafetyRecord(3, 2, Optional.of(v3), Optional.empty()), rules.record());
    }

    @Test
    void oneChainRoundNeverGoesDown() {
        // oneChainRound = max(old, block.qc.round): a later vote on a lower QC (allowed via a TC) keeps the lock.
        var rules = rules();
        signed(rules.vote(T.block(QC2, 3), Optional.empty()));
        assertEquals(2, rules.record().oneChainRound());
        Block b5 = T.block(QC1, 5);
        signed(rules.vote(b5, Optional.of(T.tc(4, QC1))));
        assertEquals(5, rules.record().lastVotedRound());
        assertEquals(2, rules.record().oneChainRound());
    }

    @Test
    void votingKeepsTheLastTimeout() {
        var rules = rules();
        Timeout t = signed(rules.timeout(1, T.genesisQc, Optional.empty()));
        Vote v = signed(rules.vote(T.block(QC1, 2), Optional.empty()));
        assertEquals(Optional.of(t), rules.record().lastTimeout());
        assertEquals(Optional.of(v), rules.record().lastVote());
    }

    // ---- timeout rule ----

    @Test
    void timeoutRefusedBelowLastVotedRound() {
        var rules = rules(new SafetyRecord(3, 0, Optional.empty(), Optional.empty()), false);
        refused(SafetyRejection.TIMEOUT_BELOW_VOTED_ROUND, rules.timeout(2, QC1, Optional.empty()));
    }

    @Test
    void timeoutAllowedInTheRoundJustVotedIn() {
        // r >= last voted round: a replica that voted in r and then saw no QC may still time r out.
        var rules = rules();
        signed(rules.vote(B2, Optional.empty()));
        Timeout t = signed(rules.timeout(2, QC1, Optional.empty()));
        assertEquals(2, t.round());
    }

    @Test
    void timeoutRefusedWhenQcIsBelowOneChainRound() {
        var rules = rules(new SafetyRecord(0, 2, Optional.empty(), Optional.empty()), false);
        refused(SafetyRejection.TIMEOUT_NOT_JUSTIFIED, rules.timeout(2, QC1, Optional.empty()));
        refused(SafetyRejection.TIMEOUT_NOT_JUSTIFIED, rules.timeout(3, QC1, Optional.of(T.tc(2, QC1))));
    }

    @Test
    void timeoutAcceptedWhenRoundFollowsQc() {
        var rules = rules();
        Timeout t = signed(rules.timeout(2, QC1, Optional.empty()));
        assertEquals(new Timeout(2, SELF, QC1, t.signature()), t);
        assertTrue(T.verifier().verifySignature(t));
        assertEquals(2, rules.record().lastVotedRound());
        assertEquals(Optional.of(t), rules.record().lastTimeout());
    }

    @Test
    void timeoutAcceptedWhenRoundFollowsTc() {
        Timeout t = signed(rules().timeout(3, QC1, Optional.of(T.tc(2, QC1))));
        assertEquals(3, t.round());
        assertEquals(QC1, t.highQc());
    }

    @Test
    void timeoutRefusedWhenRoundFollowsNeitherQcNorTc() {
        refused(SafetyRejection.TIMEOUT_NOT_JUSTIFIED, rules().timeout(4, QC1, Optional.empty()));
        refused(SafetyRejection.TIMEOUT_NOT_JUSTIFIED, rules().timeout(4, QC1, Optional.of(T.tc(2, QC1))));
    }

    @Test
    void repeatedTimeoutInSameRoundIsIdentical() {
        var rules = rules();
        Timeout first = signed(rules.timeout(1, T.genesisQc, Optional.empty()));
        SafetyRecord after = rules.record();
        Repeated<?> r = assertInstanceOf(Repeated.class, rules.timeout(1, T.genesisQc, Optional.empty()));
        assertSame(first, r.value());
        assertSame(after, rules.record());
    }

    @Test
    void afterTimingOutARoundVotingInItIsRefused() {
        // A timeout counts as the replica's last word in its round: no vote may follow it there.
        var rules = rules();
        signed(rules.timeout(1, T.genesisQc, Optional.empty()));
        refused(SafetyRejection.ROUND_NOT_NEWER, rules.vote(B1, Optional.empty()));
        assertEquals(Optional.empty(), rules.record().lastVote());
    }
}
