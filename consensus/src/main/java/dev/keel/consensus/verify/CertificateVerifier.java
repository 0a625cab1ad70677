package dev.keel.consensus.verify;

import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.crypto.SignatureScheme;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.ValidatorSet;
import dev.keel.consensus.types.Vote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks signatures on votes, timeouts, proposals and certificates against one validator
 * set, chain and epoch. A QC or TC travels in many messages, so verified certificates are
 * remembered (bounded, by digest) and verified once.
 */
public final class CertificateVerifier {
    private static final int CACHE_SIZE = 512;

    private final ValidatorSet validators;
    private final ChainContext chain;
    private final SignatureScheme scheme;
    private final int quorum;
    private final Hash genesisId;
    private final Map<Hash, Boolean> verified = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> e) {
            return size() > CACHE_SIZE;
        }
    };

    public CertificateVerifier(ValidatorSet validators, ChainContext chain, SignatureScheme scheme, int quorum,
                               Hash genesisId) {
        this.validators = validators;
        this.chain = chain;
        this.scheme = scheme;
        this.quorum = quorum;
        this.genesisId = genesisId;
    }

    public boolean verify(QuorumCert qc) {
        if (qc.isGenesis()) {
            return qc.blockId().equals(genesisId) && qc.data().height() == 0;
        }
        Hash key = Hash.of(Canonical.encode(qc));
        if (verified.containsKey(key)) {
            return true;
        }
        byte[] msg = Canonical.signingBytes(Domain.VOTE, chain, Canonical.encode(qc.data()));
        boolean ok = signedByQuorum(qc.signers(), qc.signatures(), i -> msg);
        if (ok) {
            verified.put(key, true);
        }
        return ok;
    }

    public boolean verify(TimeoutCert tc) {
        Hash key = Hash.of(Canonical.encode(tc));
        if (verified.containsKey(key)) {
            return true;
        }
        List<Long> rounds = tc.highQcRounds();
        boolean ok = signedByQuorum(tc.signers(), tc.signatures(), i -> Canonical.signingBytes(Domain.TIMEOUT, chain,
                Canonical.timeoutBody(tc.round(), rounds.get(i))))
                && verify(tc.highQc());
        if (ok) {
            verified.put(key, true);
        }
        return ok;
    }

    public boolean verify(Vote v) {
        return validators.contains(v.author()) && scheme.verify(validators.key(v.author()),
                Canonical.signingBytes(Domain.VOTE, chain, Canonical.encode(v.data())), v.signature());
    }

    /** The timeout's own signature only; its QC is checked separately with {@link #verify(QuorumCert)}. */
    public boolean verifySignature(Timeout t) {
        return validators.contains(t.author()) && scheme.verify(validators.key(t.author()),
                Canonical.signingBytes(Domain.TIMEOUT, chain, Canonical.timeoutBody(t.round(), t.highQc().round())),
                t.signature());
    }

    /** The leader's signature over the block id; the block's QC is checked separately. */
    public boolean verifySignature(Proposal p) {
        int author = p.block().author();
        return validators.contains(author) && scheme.verify(validators.key(author),
                Canonical.signingBytes(Domain.PROPOSAL, chain, Canonical.proposalBody(p.block().id())), p.signature());
    }

    private interface MessageFor {
        byte[] at(int position);
    }

    private boolean signedByQuorum(SignerBitmap signers, List<Signature> sigs, MessageFor message) {
        if (signers.size() != validators.size() || signers.count() < quorum) {
            return false;
        }
        List<Integer> idx = signers.indices();
        for (int i = 0; i < idx.size(); i++) {
            if (!scheme.verify(validators.key(idx.get(i)), message.at(i), sigs.get(i))) {
                return false;
            }
        }
        return true;
    }
}
