package dev.keel.consensus.types;

import java.util.List;

/**
 * A quorum certificate: 2f+1 signatures on the same {@link VoteData}, signers in a bitmap
 * and signatures in ascending signer order. The genesis QC certifies the genesis block and
 * carries no signatures; it is valid by definition.
 */
public record QuorumCert(VoteData data, SignerBitmap signers, List<Signature> signatures) {
    public QuorumCert {
        signatures = List.copyOf(signatures);
        if (signers.count() != signatures.size()) {
            throw new IllegalArgumentException(signers.count() + " signers but " + signatures.size() + " signatures");
        }
        if (data.round() == 0 && !signatures.isEmpty()) {
            throw new IllegalArgumentException("the genesis QC carries no signatures");
        }
    }

    public static QuorumCert genesis(Hash genesisId, int validators) {
        return new QuorumCert(new VoteData(genesisId, 0, 0, Hash.ZERO, 0),
                SignerBitmap.of(validators, List.of()), List.of());
    }

    public long round() {
        return data.round();
    }

    public Hash blockId() {
        return data.blockId();
    }

    public boolean isGenesis() {
        return data.round() == 0;
    }

    @Override
    public String toString() {
        return "QC(r" + data.round() + " h" + data.height() + " " + data.blockId() + ")";
    }
}
