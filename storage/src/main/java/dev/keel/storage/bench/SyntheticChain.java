package dev.keel.storage.bench;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.VoteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic chain of well-formed blocks for benchmarks and tests: consecutive rounds,
 * each block certified by a quorum QC with random signature bytes (storage does not verify
 * signatures), and commit proofs that satisfy the 2-chain rule. Same seed, same chain.
 */
public final class SyntheticChain {
    private final ChainContext chain;
    private final int validators;
    private final Random rnd;
    private final Block genesis;

    public SyntheticChain(ChainContext chain, int validators, long seed) {
        this.chain = chain;
        this.validators = validators;
        this.rnd = new Random(seed);
        this.genesis = Block.genesis(chain, validators);
    }

    public Block genesis() {
        return genesis;
    }

    /** A child of {@code parent} in round {@code parent.round + 1}. */
    public Block child(Block parent, Payload payload) {
        return child(parent, parent.round() + 1, payload);
    }

    /** A child of {@code parent} in a given (higher) round, e.g. after timeouts or on a fork. */
    public Block child(Block parent, long round, Payload payload) {
        BlockHeader h = new BlockHeader(chain.epoch(), round, parent.height() + 1, parent.id(), certify(parent),
                (int) (round % validators), 1_700_000_000_000L + round, payload.hash(), Hash.ZERO);
        return Block.of(h, payload);
    }

    /** A quorum QC on {@code b} (the genesis QC for genesis). */
    public QuorumCert certify(Block b) {
        if (b.round() == 0) {
            return QuorumCert.genesis(b.id(), validators);
        }
        return quorumCert(new VoteData(b.id(), b.round(), b.height(), b.parentId(), b.qc().round()));
    }

    /**
     * Commits {@code blocks} (a chain, oldest first) with a proof: a QC on a child of the
     * last one in the next round, which is what the 2-chain rule needs.
     */
    public Commit commit(List<Block> blocks) {
        Block last = blocks.get(blocks.size() - 1);
        VoteData child = new VoteData(randomHash(), last.round() + 1, last.height() + 1, last.id(), last.round());
        return new Commit(blocks, quorumCert(child));
    }

    public Commit commit(Block block) {
        return commit(List.of(block));
    }

    /** A quorum TC for {@code round} whose highest reported QC is {@code highQc}. */
    public TimeoutCert timeoutCert(long round, QuorumCert highQc) {
        int quorum = validators * 2 / 3 + 1;
        List<Integer> signers = new ArrayList<>();
        List<Long> qcRounds = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        for (int i = 0; i < quorum; i++) {
            signers.add(i);
            qcRounds.add(i == 0 ? highQc.round() : rnd.nextInt((int) Math.min(highQc.round() + 1, Integer.MAX_VALUE)));
            sigs.add(randomSignature());
        }
        return new TimeoutCert(round, SignerBitmap.of(validators, signers), qcRounds, sigs, highQc);
    }

    /** {@code count} random transactions of {@code size} bytes each. */
    public Payload payload(int count, int size) {
        List<Bytes> txs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] tx = new byte[size];
            rnd.nextBytes(tx);
            txs.add(Bytes.wrap(tx));
        }
        return new Payload(txs);
    }

    public Hash randomHash() {
        byte[] b = new byte[Hash.LENGTH];
        rnd.nextBytes(b);
        return new Hash(Bytes.wrap(b));
    }

    public Signature randomSignature() {
        byte[] b = new byte[Signature.LENGTH];
        rnd.nextBytes(b);
        return new Signature(Bytes.wrap(b));
    }

    private QuorumCert quorumCert(VoteData data) {
        int quorum = validators * 2 / 3 + 1;
        List<Integer> signers = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        for (int i = 0; i < quorum; i++) {
            signers.add(i);
            sigs.add(randomSignature());
        }
        return new QuorumCert(data, SignerBitmap.of(validators, signers), sigs);
    }
}
