package dev.keel.consensus.types;

import java.util.List;

/**
 * A timeout certificate: 2f+1 timeouts for {@code round}. For each signer (ascending) it keeps
 * the QC round that signer reported and its signature; {@code highQc} is the highest of those
 * QCs, which a proposal justified by this TC must extend (Jolteon's vote rule).
 */
public record TimeoutCert(long round, SignerBitmap signers, List<Long> highQcRounds, List<Signature> signatures,
                          QuorumCert highQc) {
    public TimeoutCert {
        highQcRounds = List.copyOf(highQcRounds);
        signatures = List.copyOf(signatures);
        int n = signers.count();
        if (highQcRounds.size() != n || signatures.size() != n) {
            throw new IllegalArgumentException("TC lists do not match its " + n + " signers");
        }
        if (round <= 0) {
            throw new IllegalArgumentException("TC round must be > 0");
        }
        long max = -1;
        for (long r : highQcRounds) {
            if (r < 0 || r >= round) {
                throw new IllegalArgumentException("reported QC round " + r + " outside 0.." + (round - 1));
            }
            max = Math.max(max, r);
        }
        if (n > 0 && highQc.round() != max) {
            throw new IllegalArgumentException("TC's QC has round " + highQc.round() + " but highest reported is " + max);
        }
    }

    public long highQcRound() {
        return highQc.round();
    }

    @Override
    public String toString() {
        return "TC(r" + round + " hqc" + highQc.round() + ")";
    }
}
