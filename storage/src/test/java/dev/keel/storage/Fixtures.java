package dev.keel.storage;

import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import dev.keel.storage.bench.SyntheticChain;
import java.util.Optional;

/** Shared test values: one chain, one validator key, and safety records that look real. */
public final class Fixtures {
    public static final ChainContext CHAIN = new ChainContext("keel-test", 0);
    public static final PublicKey KEY = key(7);
    public static final PublicKey OTHER_KEY = key(8);

    private Fixtures() {
    }

    public static PublicKey key(int fill) {
        byte[] b = new byte[PublicKey.LENGTH];
        java.util.Arrays.fill(b, (byte) fill);
        return new PublicKey(Bytes.wrap(b));
    }

    /** The record a replica persists before voting for {@code block}. */
    public static SafetyRecord voted(SyntheticChain chain, Block block) {
        Vote vote = new Vote(block.voteData(), 1, chain.randomSignature());
        return new SafetyRecord(block.round(), block.qc().round(), Optional.of(vote), Optional.empty());
    }

    /** The record a replica persists before sending a timeout for {@code round}. */
    public static SafetyRecord timedOut(SyntheticChain chain, SafetyRecord prev, long round, QuorumCert highQc) {
        Timeout t = new Timeout(round, 1, highQc, chain.randomSignature());
        return new SafetyRecord(Math.max(prev.lastVotedRound(), round), prev.oneChainRound(), prev.lastVote(), Optional.of(t));
    }
}
