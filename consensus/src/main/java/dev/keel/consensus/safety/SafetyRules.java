package dev.keel.consensus.safety;

import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.Vote;
import java.util.Optional;

/**
 * The only component that signs votes and timeouts, and the only one that changes the
 * {@link SafetyRecord}. The rules are the 2-chain ones of Jolteon / DiemBFT v4 (Aptos
 * safety-rules): each is a small predicate below, tested on its own.
 *
 * <p>Callers must persist {@link #record()} whenever a decision says {@code recordChanged}
 * and before the signed message is sent.
 */
public final class SafetyRules {
    /** The outcome of asking for a signature. */
    public sealed interface Decision<T> permits Signed, Repeated, Refused {
    }

    /** A new signature; the record changed and must be persisted before {@code value} is sent. */
    public record Signed<T>(T value) implements Decision<T> {
    }

    /** Asked again in the same round: the identical stored message, record unchanged. */
    public record Repeated<T>(T value) implements Decision<T> {
    }

    public record Refused<T>(SafetyRejection reason) implements Decision<T> {
    }

    private final Signer signer;
    private final int self;
    private final boolean skipLockCheck;
    private SafetyRecord record;

    /** @param skipLockCheck sabotage for checker tests only: vote without the 2-chain lock. */
    public SafetyRules(Signer signer, int self, SafetyRecord record, boolean skipLockCheck) {
        this.signer = signer;
        this.self = self;
        this.record = record;
        this.skipLockCheck = skipLockCheck;
    }

    public SafetyRecord record() {
        return record;
    }

    public Decision<Vote> vote(Block block, Optional<TimeoutCert> tc) {
        var last = record.lastVote();
        if (last.isPresent() && last.get().round() == block.round() && last.get().data().blockId().equals(block.id())) {
            return new Repeated<>(last.get());
        }
        if (!isNewerRound(block.round(), record.lastVotedRound())) {
            return new Refused<>(SafetyRejection.ROUND_NOT_NEWER);
        }
        if (!skipLockCheck && !isSafeToExtend(block.round(), block.qc(), tc)) {
            return new Refused<>(SafetyRejection.NOT_SAFE_TO_EXTEND);
        }
        var data = block.voteData();
        var vote = new Vote(data, self, signer.sign(Domain.VOTE, Canonical.encode(data)));
        record = new SafetyRecord(block.round(), Math.max(record.oneChainRound(), block.qc().round()),
                Optional.of(vote), record.lastTimeout());
        return new Signed<>(vote);
    }

    public Decision<Timeout> timeout(long round, QuorumCert highQc, Optional<TimeoutCert> tc) {
        var last = record.lastTimeout();
        if (last.isPresent() && last.get().round() == round) {
            return new Repeated<>(last.get());
        }
        if (round < record.lastVotedRound()) {
            return new Refused<>(SafetyRejection.TIMEOUT_BELOW_VOTED_ROUND);
        }
        if (!isSafeToTimeout(round, highQc, tc, record.oneChainRound())) {
            return new Refused<>(SafetyRejection.TIMEOUT_NOT_JUSTIFIED);
        }
        var timeout = new Timeout(round, self, highQc,
                signer.sign(Domain.TIMEOUT, Canonical.timeoutBody(round, highQc.round())));
        record = new SafetyRecord(Math.max(record.lastVotedRound(), round), record.oneChainRound(),
                record.lastVote(), Optional.of(timeout));
        return new Signed<>(timeout);
    }

    /** Vote rule 1: at most one vote per round, rounds only go up. */
    static boolean isNewerRound(long round, long lastVotedRound) {
        return round > lastVotedRound;
    }

    /**
     * Vote rule 2 (the 2-chain lock): a block in round r extends the QC of round r-1, or
     * follows a TC of round r-1 and extends at least the highest QC that TC reports. This
     * is what keeps a block that may have committed from being forked away.
     */
    static boolean isSafeToExtend(long round, QuorumCert qc, Optional<TimeoutCert> tc) {
        if (round == qc.round() + 1) {
            return true;
        }
        return tc.isPresent() && round == tc.get().round() + 1 && qc.round() >= tc.get().highQcRound();
    }

    /** Timeout rule: the round follows the QC or TC held, and the QC is not below the lock. */
    static boolean isSafeToTimeout(long round, QuorumCert highQc, Optional<TimeoutCert> tc, long oneChainRound) {
        boolean follows = round == highQc.round() + 1 || (tc.isPresent() && round == tc.get().round() + 1);
        return follows && highQc.round() >= oneChainRound;
    }
}
