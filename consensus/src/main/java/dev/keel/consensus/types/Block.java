package dev.keel.consensus.types;

import dev.keel.consensus.codec.Canonical;

/**
 * A block: header plus payload, with its id (the hash of the header's canonical encoding).
 * The constructor recomputes the id and the payload hash, so a {@code Block} that exists is
 * internally consistent whatever bytes it was decoded from.
 */
public record Block(Hash id, BlockHeader header, Payload payload) {
    public Block {
        if (!header.payloadHash().equals(payload.hash())) {
            throw new IllegalArgumentException("payload does not match the header's payload hash");
        }
        Hash computed = Hash.of(Canonical.encode(header));
        if (!computed.equals(id)) {
            throw new IllegalArgumentException("block id " + id + " does not match header hash " + computed);
        }
    }

    public static Block of(BlockHeader header, Payload payload) {
        return new Block(Hash.of(Canonical.encode(header)), header, payload);
    }

    /** The block every chain starts from: round 0, height 0, certified by the genesis QC. */
    public static Block genesis(ChainContext chain, int validators) {
        BlockHeader h = new BlockHeader(chain.epoch(), 0, 0, Hash.ZERO,
                QuorumCert.genesis(Hash.ZERO, validators), 0, 0, Payload.EMPTY.hash(), Hash.ZERO);
        return of(h, Payload.EMPTY);
    }

    public long round() {
        return header.round();
    }

    public long height() {
        return header.height();
    }

    public Hash parentId() {
        return header.parentId();
    }

    public QuorumCert qc() {
        return header.qc();
    }

    public int author() {
        return header.author();
    }

    /** What a vote for this block signs. */
    public VoteData voteData() {
        return new VoteData(id, header.round(), header.height(), header.parentId(), header.qc().round());
    }

    @Override
    public String toString() {
        return "B(r" + round() + " h" + height() + " " + id + ")";
    }
}
