package dev.keel.consensus;

import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.core.Replica;
import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.liveness.RoundRobin;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.ValidatorSet;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import dev.keel.consensus.verify.CertificateVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A small, deterministic test chain: {@code n} Ed25519 validators with fixed seeds (validator
 * i's seed is the byte {@code i+1} repeated), chain {@code "keel-test"} epoch 0, its genesis
 * block and QC, and helpers that build correctly signed blocks, votes, QCs, timeouts, TCs and
 * proposals so tests state only what they are about. Leaders are round-robin.
 */
public final class TestChain {
    public static final ChainContext CHAIN = new ChainContext("keel-test", 0);
    public static final Ed25519 SCHEME = new Ed25519();
    public static final Duration BASE_TIMEOUT = Duration.ofMillis(1000);
    public static final Duration MAX_TIMEOUT = Duration.ofMillis(8000);
    public static final int MAX_FUTURE_ROUNDS = 100;
    public static final int MAX_BLOCK_TXS = 1000;
    public static final long MAX_BLOCK_BYTES = 1 << 20;

    public final int n;
    public final ChainContext chain;
    public final List<KeyPair> keys;
    public final ValidatorSet validators;
    public final RoundRobin leaders;
    public final Block genesis;
    public final QuorumCert genesisQc;

    public TestChain(int n) {
        this(n, CHAIN);
    }

    public TestChain(int n, ChainContext chain) {
        this.n = n;
        this.chain = chain;
        List<KeyPair> k = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            k.add(SCHEME.keyPair(seed(i)));
        }
        this.keys = List.copyOf(k);
        this.validators = new ValidatorSet(keys.stream().map(KeyPair::publicKey).toList());
        this.leaders = new RoundRobin(n);
        this.genesis = Block.genesis(chain, n);
        this.genesisQc = QuorumCert.genesis(genesis.id(), n);
    }

    /** The usual four validators (f = 1, quorum 3). */
    public static TestChain four() {
        return new TestChain(4);
    }

    public static byte[] seed(int validator) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) (validator + 1));
        return s;
    }

    public Signer signer(int validator) {
        return new Signer(SCHEME, keys.get(validator), chain);
    }

    public int quorum() {
        return validators.quorum();
    }

    /** The first {@code quorum()} validators: who signs a QC or TC unless a test says otherwise. */
    public List<Integer> quorumSigners() {
        return IntStream.range(0, quorum()).boxed().toList();
    }

    // ---- blocks ----

    public static Payload payload(String... txs) {
        return new Payload(Arrays.stream(txs).map(t -> Bytes.wrap(t.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .toList());
    }

    /** A block of {@code round} on top of the block {@code parentQc} certifies, proposed by the round's leader. */
    public Block block(QuorumCert parentQc, long round) {
        return block(parentQc, round, leaders.leader(round), Payload.EMPTY);
    }

    public Block block(QuorumCert parentQc, long round, int author, Payload payload) {
        var header = new BlockHeader(chain.epoch(), round, parentQc.data().height() + 1, parentQc.blockId(), parentQc,
                author, 1_000L * round, payload.hash(), Hash.ZERO);
        return Block.of(header, payload);
    }

    /** A block of {@code round} extending {@code parent}, carrying a quorum QC for the parent. */
    public Block child(Block parent, long round) {
        return block(qc(parent), round);
    }

    /** Consecutive blocks of rounds 1..count on top of genesis, each certified by the next. */
    public List<Block> straightChain(int count) {
        List<Block> out = new ArrayList<>();
        Block parent = genesis;
        for (int r = 1; r <= count; r++) {
            parent = child(parent, r);
            out.add(parent);
        }
        return out;
    }

    // ---- votes and certificates ----

    public Vote vote(int validator, Block block) {
        return vote(validator, block.voteData());
    }

    public Vote vote(int validator, VoteData data) {
        return new Vote(data, validator, signer(validator).sign(Domain.VOTE, Canonical.encode(data)));
    }

    /** The QC for {@code block}: the genesis QC for genesis, else signed by {@link #quorumSigners()}. */
    public QuorumCert qc(Block block) {
        return block.round() == 0 ? genesisQc : qc(block.voteData(), quorumSigners());
    }

    public QuorumCert qc(VoteData data, Collection<Integer> signers) {
        TreeMap<Integer, Signature> sigs = new TreeMap<>();
        for (int i : signers) {
            sigs.put(i, vote(i, data).signature());
        }
        return new QuorumCert(data, SignerBitmap.of(n, sigs.keySet()), new ArrayList<>(sigs.values()));
    }

    public Timeout timeout(int validator, long round, QuorumCert highQc) {
        return new Timeout(round, validator, highQc,
                signer(validator).sign(Domain.TIMEOUT, Canonical.timeoutBody(round, highQc.round())));
    }

    /** A TC for {@code round} where every signer of {@link #quorumSigners()} reported {@code highQc}. */
    public TimeoutCert tc(long round, QuorumCert highQc) {
        List<QuorumCert> reported = new ArrayList<>();
        quorumSigners().forEach(i -> reported.add(highQc));
        return tc(round, reported);
    }

    /** A TC for {@code round}; validator i (i = 0, 1, ...) reported {@code reported.get(i)}. */
    public TimeoutCert tc(long round, List<QuorumCert> reported) {
        List<Long> rounds = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        QuorumCert high = null;
        for (int i = 0; i < reported.size(); i++) {
            QuorumCert qc = reported.get(i);
            rounds.add(qc.round());
            sigs.add(timeout(i, round, qc).signature());
            if (high == null || qc.round() > high.round()) {
                high = qc;
            }
        }
        var signers = SignerBitmap.of(n, IntStream.range(0, reported.size()).boxed().toList());
        return new TimeoutCert(round, signers, rounds, sigs, high);
    }

    // ---- messages ----

    public SyncInfo sync(QuorumCert highQc) {
        QuorumCert commit = highQc.data().commitsParent() ? highQc : genesisQc;
        return new SyncInfo(highQc, commit, Optional.empty());
    }

    /** The block's author signs it; sync info is the block's own QC. */
    public Proposal proposal(Block block) {
        return new Proposal(block, signer(block.author()).sign(Domain.PROPOSAL, Canonical.proposalBody(block.id())),
                sync(block.qc()));
    }

    // ---- components ----

    public CertificateVerifier verifier() {
        return new CertificateVerifier(validators, chain, SCHEME, quorum(), genesis.id());
    }

    public ReplicaConfig config(int self) {
        return new ReplicaConfig(chain, validators, self, leaders, BASE_TIMEOUT, MAX_TIMEOUT, MAX_FUTURE_ROUNDS,
                MAX_BLOCK_TXS, MAX_BLOCK_BYTES, Set.of());
    }

    /** A fresh replica at genesis, exactly as a node starts one. */
    public Replica replica(int self) {
        return new Replica(config(self), signer(self), RecoveredState.genesis(genesis, genesisQc));
    }
}
