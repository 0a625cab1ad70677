package dev.keel.consensus.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.Vote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Certificates and signed messages verify only with a quorum of valid, domain-separated signatures. */
class CertificateVerifierTest {
    private static final TestChain T = TestChain.four();
    private static final Block B1 = T.child(T.genesis, 1);
    private static final Block B2 = T.child(B1, 2);
    private static final QuorumCert QC1 = T.qc(B1);

    @Test
    void quorumQcVerifies() {
        assertTrue(T.verifier().verify(QC1));
        assertTrue(T.verifier().verify(T.qc(B1.voteData(), List.of(0, 1, 2, 3))));
    }

    @Test
    void qcWithQuorumMinusOneSignaturesIsRejected() {
        assertFalse(T.verifier().verify(T.qc(B1.voteData(), List.of(0, 2))));
    }

    @Test
    void qcWithOneWrongSignatureIsRejected() {
        List<Signature> sigs = new ArrayList<>(QC1.signatures());
        sigs.set(1, T.vote(1, B2).signature()); // validator 1's real signature, on other data
        assertFalse(T.verifier().verify(new QuorumCert(QC1.data(), QC1.signers(), sigs)));
    }

    @Test
    void qcWithSignaturesOutOfSignerOrderIsRejected() {
        List<Signature> sigs = new ArrayList<>(QC1.signatures());
        java.util.Collections.swap(sigs, 0, 1);
        assertFalse(T.verifier().verify(new QuorumCert(QC1.data(), QC1.signers(), sigs)));
    }

    @Test
    void qcWithBitmapForAnotherValidatorCountIsRejected() {
        var fiveWide = SignerBitmap.of(5, QC1.signers().indices());
        assertFalse(T.verifier().verify(new QuorumCert(QC1.data(), fiveWide, QC1.signatures())));
    }

    @Test
    void qcSignedForAnotherChainOrEpochIsRejected() {
        // Domain separation: the same keys signing the same data for another chain or epoch never count here.
        TestChain otherChain = new TestChain(4, new ChainContext("keel-other", 0));
        TestChain otherEpoch = new TestChain(4, new ChainContext("keel-test", 1));
        assertFalse(T.verifier().verify(otherChain.qc(B1.voteData(), T.quorumSigners())));
        assertFalse(T.verifier().verify(otherEpoch.qc(B1.voteData(), T.quorumSigners())));
    }

    @Test
    void voteSignatureIsNotATimeoutOrProposalSignature() {
        // Domain separation by kind: a signature for one message kind never verifies as another.
        Vote v = T.vote(1, B2);
        byte[] wrongKind = T.signer(1).sign(Domain.TIMEOUT, Canonical.encode(B2.voteData())).bytes().toArray();
        assertTrue(T.verifier().verify(v));
        assertFalse(T.verifier().verify(new Vote(v.data(), 1, new Signature(Bytes.wrap(wrongKind)))));
        assertFalse(T.verifier().verify(new Vote(v.data(), 2, v.signature())), "another author's key");
        assertFalse(T.verifier().verify(new Vote(v.data(), 9, v.signature())), "author outside the set");
    }

    @Test
    void genesisQcAcceptedOnlyForTheGenesisId() {
        assertTrue(T.verifier().verify(T.genesisQc));
        assertFalse(T.verifier().verify(QuorumCert.genesis(B1.id(), 4)));
        assertFalse(T.verifier().verify(QuorumCert.genesis(Hash.ZERO, 4)));
    }

    @Test
    void timeoutCertVerifiesAndForgedPartsAreRejected() {
        TimeoutCert tc = T.tc(2, List.of(QC1, T.genesisQc, QC1));
        assertTrue(T.verifier().verify(tc));
        // A signer's reported QC round is part of what it signed: changing it breaks the TC.
        TimeoutCert lied = new TimeoutCert(2, tc.signers(), List.of(1L, 1L, 1L), tc.signatures(), QC1);
        assertFalse(T.verifier().verify(lied));
        // A TC whose highQc is forged is rejected even with good timeout signatures.
        QuorumCert forgedQc = new QuorumCert(QC1.data(), SignerBitmap.of(4, List.of(0, 1, 2)),
                List.of(QC1.signatures().get(0), QC1.signatures().get(0), QC1.signatures().get(0)));
        TimeoutCert badQc = new TimeoutCert(2, tc.signers(), tc.highQcRounds(), tc.signatures(), forgedQc);
        assertFalse(T.verifier().verify(badQc));
        TimeoutCert short1 = T.tc(2, List.of(QC1, QC1));
        assertFalse(T.verifier().verify(short1), "2 of 4 is below quorum");
    }

    @Test
    void timeoutAndProposalSignatures() {
        Timeout t = T.timeout(2, 2, QC1);
        assertTrue(T.verifier().verifySignature(t));
        assertFalse(T.verifier().verifySignature(new Timeout(2, 3, QC1, t.signature())));
        Proposal p = T.proposal(B2);
        assertTrue(T.verifier().verifySignature(p));
        Proposal stolen = new Proposal(B2, T.proposal(B1).signature(), p.sync());
        assertFalse(T.verifier().verifySignature(stolen));
    }

    @Test
    void cachedVerificationDoesNotLeakToOtherCertificates() {
        var verifier = T.verifier();
        assertTrue(verifier.verify(QC1));
        assertTrue(verifier.verify(QC1));
        List<Signature> sigs = new ArrayList<>(QC1.signatures());
        sigs.set(2, sigs.get(0));
        assertFalse(verifier.verify(new QuorumCert(QC1.data(), QC1.signers(), sigs)));
    }
}
