package dev.keel.consensus.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Vote;
import org.junit.jupiter.api.Test;

/** A vote collector that sees one key sign two different blocks in a round reports the pair. */
class ReplicaEvidenceTest {
    private final TestChain t = TestChain.four();

    @Test
    void twoDifferentVotesFromOneAuthorInOneRoundAreReportedAsEvidence() {
        int collector = t.leaders.leader(2);
        int voter = (collector + 1) % t.n;
        Replica r = t.replica(collector);
        r.step(new Event.Start());
        Block a = t.block(t.genesisQc, 1);
        Block b = t.block(t.genesisQc, 1, t.leaders.leader(1), TestChain.payload("other"));
        Vote first = t.vote(voter, a);
        Vote second = t.vote(voter, b);

        Actions one = r.step(new Event.VoteReceived(new VoteMsg(first, t.sync(t.genesisQc))));
        assertTrue(one.evidence().isEmpty(), "a first vote proves nothing");
        Actions again = r.step(new Event.VoteReceived(new VoteMsg(first, t.sync(t.genesisQc))));
        assertTrue(again.evidence().isEmpty(), "the same vote twice is a duplicate, not evidence");
        Actions two = r.step(new Event.VoteReceived(new VoteMsg(second, t.sync(t.genesisQc))));

        assertEquals(1, two.evidence().size());
        Evidence.ConflictingVotes e = (Evidence.ConflictingVotes) two.evidence().get(0);
        assertEquals(voter, e.validator());
        assertEquals(1, e.round());
        assertEquals(a.id(), e.first().data().blockId());
        assertEquals(b.id(), e.second().data().blockId());
    }
}
