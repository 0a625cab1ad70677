package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.SignedCheckpoint;
import dev.keel.checkpoint.l1.CheckpointContract;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Gets formed checkpoints onto the L1, one at a time, in order.
 *
 * <p><b>Who sends.</b> Checkpoint k has a designated validator, (k-1) mod n; the next in line
 * takes over after {@code takeover}, the one after that after twice as long, and so on. The
 * clock starts when this node first sees k as the contract's next checkpoint while the L1 is
 * reachable, so an L1 outage does not end with every validator sending at once.
 *
 * <p><b>No duplicates, no conflicts.</b> The contract accepts only the next contiguous range,
 * signed by a quorum, and every honest quorum signs the same checkpoint: a second submission
 * of k can only revert. To not pay for that, a call is pre-flighted first; the in-flight
 * transaction is journaled before it is broadcast and re-broadcast byte for byte after a
 * crash or when the L1 forgets it (a reorg); fees are bumped by replacing it at the same
 * nonce, never by a second transaction.
 */
public final class Submitter {
    /** Replacement needs >= 10% more on both fee fields (geth's rule); 12.5% leaves headroom. */
    private static final BigInteger BUMP_NUM = BigInteger.valueOf(9);
    private static final BigInteger BUMP_DEN = BigInteger.valueOf(8);

    private final L1Port l1;
    private final dev.keel.checkpoint.EthKey key;
    private TxSigner signer;
    private final EthAddress self;
    private final int index;
    private final int validators;
    private final L1Settings settings;
    private final Journal journal;
    private final LongFunction<Optional<SignedCheckpoint>> formed;
    private final LongSupplier clock;
    private Submission inflight;
    private long nextSeen = -1;
    private long nextSeenAt;

    public Submitter(L1Port l1, dev.keel.checkpoint.EthKey key, int index, int validators, L1Settings settings,
                     Journal journal, LongFunction<Optional<SignedCheckpoint>> formed, LongSupplier clock) {
        this.l1 = l1;
        this.key = key;
        this.self = key.address();
        this.index = index;
        this.validators = validators;
        this.settings = settings;
        this.journal = journal;
        this.formed = formed;
        this.clock = clock;
        this.inflight = journal.load().orElse(null);
    }

    public Optional<Submission> inflight() {
        return Optional.ofNullable(inflight);
    }

    /** One decision against a fresh {@link L1View}. Throws {@link L1Port.L1Exception} if the L1 fails mid-way. */
    public SubmitStep tick(L1View view) {
        long next = view.l1Count() + 1;
        long now = clock.getAsLong();
        if (inflight != null) {
            return followInflight(next, now);
        }
        Optional<SignedCheckpoint> cp = formed.apply(next);
        if (cp.isEmpty()) {
            return new SubmitStep.Idle("checkpoint #" + next + " not formed here yet");
        }
        if (nextSeen != next) {
            nextSeen = next;
            nextSeenAt = now;
        }
        long designated = (next - 1) % validators;
        long place = Math.floorMod(index - designated, validators);
        long turnAt = nextSeenAt + place * settings.takeover().toMillis();
        if (now < turnAt) {
            return new SubmitStep.Waiting(next, turnAt - now);
        }
        return send(cp.get(), now);
    }

    /** Forget the turn clock: the L1 was unreachable, everyone starts over when it returns. */
    public void onL1Unreachable() {
        nextSeen = -1;
    }

    private SubmitStep send(SignedCheckpoint cp, long now) {
        String calldata = CheckpointContract.encodeSubmit(cp.checkpoint(), cp.signatures());
        L1Port.Preflight pre = l1.preflight(self, calldata);
        if (pre instanceof L1Port.Preflight.Reverts r) {
            if (r.error().startsWith("NotContiguous")) {
                return new SubmitStep.Idle("checkpoint #" + cp.number() + " landed meanwhile");
            }
            return new SubmitStep.Refused(cp.number(), r.error());
        }
        long gasLimit = ((L1Port.Preflight.Ok) pre).gas() * 13 / 10 + 20_000;
        BigInteger base = l1.baseFee();
        BigInteger tip = l1.priorityFee();
        BigInteger maxFee = base.shiftLeft(1).add(tip).min(settings.maxFeePerGas());
        if (maxFee.compareTo(base.add(tip)) < 0) {
            return new SubmitStep.FeeCapped(cp.number(), gwei(base));
        }
        long nonce = l1.pendingNonce(self);
        Submission sent = broadcast(cp.number(), nonce, calldata, gasLimit, tip, maxFee, now);
        return new SubmitStep.Sent(cp.number(), sent.txHash(), nonce);
    }

    private SubmitStep followInflight(long next, long now) {
        Submission s = inflight;
        if (s.number() < next) {
            return clear("anchored");
        }
        Optional<L1Port.Receipt> receipt = l1.receipt(s.txHash());
        if (receipt.isPresent()) {
            // Mined. Success shows up as a higher count on the next poll; a revert means someone
            // else's landed first (or the range moved): forget ours, the next tick re-evaluates.
            return receipt.get().success() && s.number() == next ? new SubmitStep.Idle("mined, awaiting the contract")
                    : clear("mined " + (receipt.get().success() ? "ahead of a reorged predecessor" : "but reverted"));
        }
        if (s.number() > next) {
            return clear("a reorg removed an earlier checkpoint; resubmitting in order");
        }
        if (!l1.knows(s.txHash())) {
            if (l1.minedNonce(self) > s.nonce()) {
                return clear("nonce used by another transaction");
            }
            l1.send(s.rawTx());
            return new SubmitStep.Rebroadcast(s.number(), s.txHash());
        }
        if (now - s.sentAtMillis() < settings.replaceAfter().toMillis()) {
            return new SubmitStep.Idle("waiting for inclusion of " + s.txHash());
        }
        BigInteger tip = bump(s.tip()).max(l1.priorityFee());
        BigInteger maxFee = bump(s.maxFee()).max(l1.baseFee().shiftLeft(1).add(tip));
        if (maxFee.compareTo(settings.maxFeePerGas()) > 0) {
            return new SubmitStep.FeeCapped(s.number(), gwei(l1.baseFee()));
        }
        Optional<SignedCheckpoint> cp = formed.apply(s.number());
        if (cp.isEmpty()) {
            return clear("its checkpoint is no longer known here (storage reset?)");
        }
        String calldata = CheckpointContract.encodeSubmit(cp.get().checkpoint(), cp.get().signatures());
        Submission replaced = broadcast(s.number(), s.nonce(), calldata, s.gasLimit(), tip, maxFee, now);
        return new SubmitStep.Replaced(s.number(), replaced.txHash());
    }

    /** Signs, journals (durably, first), then broadcasts: the one way a transaction leaves this validator. */
    private Submission broadcast(long number, long nonce, String calldata, long gasLimit, BigInteger tip,
                                 BigInteger maxFee, long now) {
        TxSigner.Signed tx = signer().sign(nonce, settings.contract(), calldata, gasLimit, tip, maxFee);
        inflight = new Submission(number, nonce, tx.txHash(), tx.rawTx(), tip, maxFee, gasLimit, now);
        journal.save(inflight);
        l1.send(tx.rawTx());
        return inflight;
    }

    /** Created on first use: the L1's chain id is only known once the L1 answers. */
    private TxSigner signer() {
        if (signer == null) {
            signer = new TxSigner(key, l1.chainId());
        }
        return signer;
    }

    private SubmitStep clear(String why) {
        long n = inflight.number();
        inflight = null;
        journal.clear();
        return new SubmitStep.Cleared(n, why);
    }

    private static BigInteger bump(BigInteger v) {
        return v.multiply(BUMP_NUM).divide(BUMP_DEN).add(BigInteger.ONE);
    }

    private static String gwei(BigInteger wei) {
        return new java.math.BigDecimal(wei).movePointLeft(9).stripTrailingZeros().toPlainString();
    }
}
