package dev.keel.consensus.types;

/**
 * The signed, hashed part of a block. {@code qc} certifies the parent; {@code stateRoot} is
 * the application state after the last block the proposer had executed (carried in a later
 * header so checkpoints can commit to it), {@link Hash#ZERO} while none is known.
 */
public record BlockHeader(long epoch, long round, long height, Hash parentId, QuorumCert qc, int author,
                          long timestampMillis, Hash payloadHash, Hash stateRoot) {
    public BlockHeader {
        if (round < 0 || height < 0 || epoch < 0 || author < 0) {
            throw new IllegalArgumentException("negative field in block header");
        }
        if (round > 0) {
            if (!qc.blockId().equals(parentId)) {
                throw new IllegalArgumentException("qc certifies " + qc.blockId() + " but parent is " + parentId);
            }
            if (qc.round() >= round) {
                throw new IllegalArgumentException("qc round " + qc.round() + " not below block round " + round);
            }
            if (qc.data().height() + 1 != height) {
                throw new IllegalArgumentException("height " + height + " is not parent height + 1");
            }
        }
    }
}
